namespace SelfService.Gateway.Tests.Email;

/// <summary>A mail server without IDLE: the gateway polls it instead.</summary>
public class EmailPollingTests : EmailGatewayTest
{
    protected override bool ServerHasIdle => false;

    [Test]
    public async Task ServerWithoutIdle_MailIsPickedUpByPolling()
    {
        var reply = await AskAsync(Anna, "HELP");

        Assert.That(reply.TextBody, Does.StartWith("Commands:"));
    }
}
