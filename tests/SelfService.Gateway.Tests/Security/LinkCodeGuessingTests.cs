using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The probe's attack through the real host: 300 web-chat conversations × (LINK + 3 guesses) against one number took
/// 4.3 s and queued 309 code SMS. The HTTP rate limits are raised here so that the linking limits are what stops it.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class LinkCodeGuessingTests : LoopbackGatewayTest
{
    private const string Victim = "+79161234567";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:CreateConversation:Burst"] = "100000",
        ["RateLimits:PostMessage:Burst"] = "100000",
        ["AccessPolicies:MessagesPerMinute"] = "100000",
    };

    [Test]
    public async Task ThreeHundredConversations_LinkAndGuess_AreRefused_AndOnlyAFewCodeSmsAreQueued()
    {
        using var attacker = Gateway.CreateAnonymousClient();
        var refusedLinks = 0;
        await Parallel.ForAsync(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var chat = await ChatSession.StartAsync(attacker);
            var link = await chat.AskAsync("LINK " + Victim);
            if (link.Text.StartsWith("We cannot send a code", StringComparison.Ordinal) || link.Text.StartsWith("Сейчас мы не можем", StringComparison.Ordinal))
                Interlocked.Increment(ref refusedLinks);
            foreach (var guess in new[] { "111111", "222222", "333333" })
                Assert.That((await chat.AskAsync(guess)).Text, Does.Not.StartWith("Готово").And.Not.StartWith("Done"));
        });

        var sms = await Http.GetFromJsonAsync<JsonElement>($"/api/outbox?channel=sms&address={Uri.EscapeDataString(Victim)}&limit=1000");
        Assert.That(sms.GetArrayLength(), Is.LessThanOrEqualTo(3), "code SMS queued to the victim");
        Assert.That(refusedLinks, Is.GreaterThanOrEqualTo(297));
    }
}
