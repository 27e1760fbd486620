using System.Net;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests.WebChat;

/// <summary>
/// 200 web-chat conversations at once, two turns each, through the real HTTP API: every conversation keeps its order
/// (the customer's line, then the reply to it) and every message gets its reply. Under such load the transcript once
/// stored a reply before the customer's line, and once a conversation got no reply at all.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class WebChatUnderLoadTests : LoopbackGatewayTest
{
    private const int Conversations = 200;
    private static readonly string[] Turns = ["HELP", "Как пополнить баланс?"];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // One test client plays 200 customers from one address: the per-address limits are not what is tested here.
        ["RateLimits:CreateConversation:Burst"] = "1000",
        ["RateLimits:PostMessage:Burst"] = "1000",
        ["AccessPolicies:MessagesPerMinute"] = "1000",
    };

    [Test]
    public async Task TwoHundredConversationsAtOnce_EachKeepsItsOrder_AndEveryMessageIsAnswered()
    {
        using var customers = Gateway.CreateAnonymousClient();
        var chats = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(_ => ChatSession.StartAsync(customers)));

        for (var turn = 0; turn < Turns.Length; turn++)
        {
            var text = Turns[turn];
            var posted = await Task.WhenAll(chats.Select(async chat =>
            {
                using var response = await chat.PostAsync(text);
                return response.StatusCode;
            }));
            Assert.That(posted, Is.All.EqualTo(HttpStatusCode.Accepted));
            await WaitForRepliesAsync(chats, turn + 1);
        }

        foreach (var chat in chats)
        {
            var lines = await chat.ReadAsync();
            Assert.That(lines.Select(l => l.From), Is.EqualTo(new[] { "user", "bot", "user", "bot" }), $"conversation {chat.ConversationId}");
            Assert.That(lines.Where(l => l.From == "user").Select(l => l.Text), Is.EqualTo(Turns));
            Assert.That(lines.Select(l => l.Seq), Is.Ordered.Ascending);
        }
    }

    /// <summary>One poller for all conversations (200 pollers would be the load instead of the chats).</summary>
    private static async Task WaitForRepliesAsync(IReadOnlyList<ChatSession> chats, int replies)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var waiting = chats.ToList();
        while (waiting.Count > 0)
        {
            var still = new List<ChatSession>();
            foreach (var chat in waiting)
            {
                if ((await chat.ReadAsync()).Count(l => l.From == "bot") < replies) still.Add(chat);
            }
            waiting = still;
            if (waiting.Count == 0) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{waiting.Count} conversations got no reply to turn {replies}, e.g. {waiting[0].ConversationId}");
            await Task.Delay(100);
        }
    }
}
