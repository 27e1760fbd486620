using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests;

/// <summary>Campaign settings that cannot work stop the start, each naming what is wrong.</summary>
public class CampaignSettingsTests
{
    [Test]
    public void Start_WithACampaignPaceAboveTheSmscBinds_FailsNamingBoth()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Channels:Sms:Enabled"] = "true", ["Channels:Sms:Smpp:Host"] = "127.0.0.1", ["Channels:Sms:Smpp:Port"] = "1",
            ["Channels:Sms:Smpp:SystemId"] = "selfservice", ["Channels:Sms:Smpp:Password"] = "secret",
            ["Channels:Sms:Smpp:MaxSubmitsPerSecond"] = "30", ["Campaigns:MaxPartsPerSecond"] = "50",
        });

        var error = Assert.Catch(() => gateway.CreateAnonymousClient().Dispose());

        Assert.That(error!.ToString(), Does.Contain("Campaigns:MaxPartsPerSecond is above the SMSC bind's Channels:Sms:Smpp:MaxSubmitsPerSecond"));
    }

    [Test]
    public void Start_WithEmailCampaignsButNoPublicAddress_FailsSayingWhyItIsNeeded()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Campaigns:Channels:0"] = "email" });

        var error = Assert.Catch(() => gateway.CreateAnonymousClient().Dispose());

        Assert.That(error!.ToString(), Does.Contain("Commands:PublicBaseUrl must be set: a campaign mail's one-click unsubscribe link points there"));
    }

    [Test]
    public void Start_WithACsatSurveyThatCannotBeAnswered_Fails()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Surveys:Csat:Enabled"] = "true", ["Surveys:Csat:Survey:Questions:0:Id"] = "q1", ["Surveys:Csat:Survey:Questions:0:Kind"] = "Choice",
            ["Surveys:Csat:Survey:Questions:0:Texts:ru"] = "Как мы?",
        });

        var error = Assert.Catch(() => gateway.CreateAnonymousClient().Dispose());

        Assert.That(error!.ToString(), Does.Contain("Surveys:Csat:Survey is not a survey that can be answered"));
    }
}
