using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns.Tests;

/// <summary>A campaign with nobody to send to is refused at launch with a reason, and nothing is scheduled or sent.</summary>
public sealed class LaunchRefusalTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Launch_AListWithNoNumbers_IsRefused_AndStaysADraft()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 3);
        await harness.CreateRunningAsync(c => (c.State, c.Audience) = (CampaignState.Draft, new CampaignAudience { Kind = AudienceKind.List }));

        var step = await harness.Manager.LaunchAsync("c1", None);

        Assert.That(step.Refusal, Is.EqualTo("the audience is empty: upload the list of numbers first (POST …/numbers)"));
        Assert.That((await harness.Storage.Campaigns.GetAsync("c1", None))!.State, Is.EqualTo(CampaignState.Draft));
    }

    [Test]
    public async Task Launch_ASegmentNobodyFits_IsRefused_OneSomebodyFits_IsLaunched()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 3);
        await harness.CreateRunningAsync(c => (c.State, c.Audience) = (CampaignState.Draft, new CampaignAudience { Tariffs = ["GOLD"] }));
        await harness.CreateRunningAsync(c => (c.Id, c.State, c.Audience) = ("c2", CampaignState.Draft, new CampaignAudience { Tariffs = ["SMART"] }));

        Assert.That((await harness.Manager.LaunchAsync("c1", None)).Refusal, Is.EqualTo("the audience is empty: no subscriber fits the segment"));
        var launched = await harness.Manager.LaunchAsync("c2", None);
        Assert.That((launched.Refusal, launched.Campaign!.State), Is.EqualTo(((string?)null, CampaignState.Scheduled)));
    }
}
