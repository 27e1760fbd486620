using System.Text.Json;
using SelfService.Testing.Peers.DirectLine;

namespace SelfService.Gateway.Tests.DirectLine;

/// <summary>
/// Microsoft's own Direct Line client, botframework-directlinejs 0.15.8, unmodified, on Node against the real gateway
/// (tests/peers/directline/conversation.js): token from the secret, WebSocket stream, linking, balance, a question,
/// token refresh, a second socket (collision) and DirectLineJS's own reconnect, then a restart by conversationId and
/// watermark; every reply arrives once.
/// </summary>
public class DirectLineJsInteropTests : DirectLineGatewayTest
{
    private IReadOnlyList<JsonElement> _events = null!;

    [SetUp]
    public async Task RunTheClient() =>
        _events = await DirectLineJsRun.RunAsync("conversation.js", Secret, await Gateway.IssueTokenAsync("outbox-reader", SelfService.Staff.StaffRoles.Supervisor),
            ["--gateway", BaseAddress.GetLeftPart(UriPartial.Authority), "--msisdn", "+79161234567"], TimeSpan.FromMinutes(2));

    private IEnumerable<JsonElement> Named(string name) => _events.Where(e => e.GetProperty("event").GetString() == name);

    private string ReplyText(string step) =>
        Named("reply").Single(e => e.GetProperty("step").GetString() == step).GetProperty("text").GetString()!;

    [Test]
    public void Conversation_LinkBalanceAndQuestion_AnsweredOverTheWebSocket()
    {
        Assert.That(ReplyText("link"), Does.Contain("+7916***4567"));
        Assert.That(ReplyText("code"), Does.Contain("linked").Or.Contain("привязан"));
        Assert.That(ReplyText("balance"), Does.Contain("350"));
        Assert.That(ReplyText("question"), Does.StartWith("## Как пополнить баланс"));
        Assert.That(Named("reply").Select(e => e.GetProperty("textFormat").GetString()), Has.All.EqualTo("markdown"));
        Assert.That(Named("result").Single().GetProperty("typingSeen").GetInt32(), Is.GreaterThan(0), "typing is pushed while commands run");
    }

    [Test]
    public void Refresh_GivesANewTokenForTheSameConversation()
    {
        var refreshed = Named("refreshed").Single();

        Assert.That(refreshed.GetProperty("changed").GetBoolean(), Is.True);
        Assert.That(refreshed.GetProperty("conversationId").GetString(), Is.EqualTo(Named("token").Single().GetProperty("conversationId").GetString()));
    }

    [Test]
    public void SecondSocket_ClosesTheFirstWithCollision_DirectLineJsReconnectsAndIsAnswered()
    {
        var firstClosed = Named("socket-closed").First(e => e.GetProperty("client").GetString() == "first");

        Assert.That(firstClosed.GetProperty("reason").GetString(), Is.EqualTo("collision"));
        Assert.That(Named("second-socket-closed").Single().GetProperty("reason").GetString(), Is.EqualTo("collision"),
            "DirectLineJS reconnected by itself and took the conversation back");
        Assert.That(ReplyText("balance-after-collision"), Does.Contain("350"));
    }

    [Test]
    public void Restart_FromConversationIdAndWatermark_GetsOnlyWhatIsNewAndNoDuplicates()
    {
        var result = Named("result").Single();
        var restarted = result.GetProperty("restartedMessages").EnumerateArray().ToList();

        Assert.That(result.GetProperty("duplicates").GetArrayLength(), Is.Zero);
        Assert.That(restarted.Select(m => m.GetProperty("role").GetString()), Is.EqualTo(new[] { "user", "bot" }));
        Assert.That(restarted[1].GetProperty("text").GetString(), Does.StartWith("## Роуминг"));
        Assert.That(result.GetProperty("firstMessages").GetInt32(), Is.EqualTo(10));
    }
}
