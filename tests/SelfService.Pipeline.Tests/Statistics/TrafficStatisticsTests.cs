using Microsoft.Extensions.Time.Testing;
using SelfService.Pipeline.Statistics;

namespace SelfService.Pipeline.Tests.Statistics;

public class TrafficStatisticsTests
{
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void Start() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 14, 20, 0, TimeSpan.Zero));

    [Test]
    public void Read_CountsMessagesPerChannelAndHour_AndDistinctConversations()
    {
        var statistics = new TrafficStatistics(_time);
        var now = _time.GetUtcNow();
        statistics.Count("sms", "+79990000001", now);
        statistics.Count("sms", "+79990000001", now.AddMinutes(-30));   // 13:50, the hour before
        statistics.Count("sms", "+79990000002", now);
        statistics.Count("ussd", "+79990000001", now.AddHours(-23));    // the first hour of the window
        statistics.Count("sms", "+79990000003", now.AddHours(-24));     // before it

        var window = statistics.Read(24);

        Assert.That(window.FirstHour, Is.EqualTo(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)));
        Assert.That(window.MessagesByChannel.Keys, Is.EqualTo(new[] { "sms", "ussd" }));
        Assert.That(window.MessagesByChannel["sms"][23], Is.EqualTo(2));
        Assert.That(window.MessagesByChannel["sms"][22], Is.EqualTo(1));
        Assert.That(window.MessagesByChannel["ussd"][0], Is.EqualTo(1));
        Assert.That(window.MessagesByChannel["sms"].Sum(), Is.EqualTo(3));
        Assert.That(window.Conversations, Is.EqualTo(3), "a number on SMS and on USSD is two conversations");
    }

    [Test]
    public void CountOutbound_CampaignsApartFromReplies_NoInboundNorConversation_KeptAcrossARestart()
    {
        var before = new TrafficStatistics(_time);
        var now = _time.GetUtcNow();
        before.Count("sms", "+79990000001", now);
        before.CountOutbound("sms", campaign: false, now);
        before.CountOutbound("sms", campaign: true, now);
        before.CountOutbound("sms", campaign: true, now.AddHours(-2));
        before.CountOutbound("telegram", campaign: true, now);
        before.CountOutbound("sms", campaign: true, now.AddHours(-24));   // before the window

        var after = new TrafficStatistics(_time);
        after.Restore(before.TakeChanged("gw1", now));
        var outbound = after.ReadOutbound(24);
        var inbound = after.Read(24);

        Assert.That(outbound.CampaignByChannel, Is.EqualTo(new Dictionary<string, long> { ["sms"] = 2, ["telegram"] = 1 }));
        Assert.That(outbound.RepliesByChannel, Is.EqualTo(new Dictionary<string, long> { ["sms"] = 1 }));
        Assert.That(inbound.MessagesByChannel.Keys, Is.EqualTo(new[] { "sms" }), "messages sent are no inbound channel");
        Assert.That(inbound.MessagesByChannel["sms"].Sum(), Is.EqualTo(1));
        Assert.That(inbound.Conversations, Is.EqualTo(1));
    }

    [Test]
    public void CountCall_ByOutcomeWithTheirSteps_NoInboundChannel_KeptAcrossARestart_AndSummedWithAnotherInstance()
    {
        var before = new TrafficStatistics(_time);
        var now = _time.GetUtcNow();
        before.CountCall("Contained", steps: 2, now);
        before.CountCall("Contained", steps: 1, now.AddHours(-3));
        before.CountCall("Transferred", steps: 3, now);
        before.CountCall("Contained", steps: 5, now.AddHours(-24));   // before the window
        var other = new TrafficStatistics(_time);
        other.CountCall("ToPerson", steps: 1, now);

        var after = new TrafficStatistics(_time);
        after.Restore(before.TakeChanged("gw1", now));
        after.ShowOtherInstances(other.TakeChanged("gw2", now));
        var calls = after.ReadCalls(24);

        Assert.That(calls.ByOutcome, Is.EqualTo(new Dictionary<string, long> { ["Contained"] = 2, ["ToPerson"] = 1, ["Transferred"] = 1 }));
        Assert.That(calls.Steps, Is.EqualTo(7));
        Assert.That(after.Read(24).MessagesByChannel, Is.Empty, "calls are no inbound channel");
        Assert.That(after.ReadOutbound(24).CampaignByChannel, Is.Empty);
    }

    [Test]
    public void TakeChanged_GivesEachChangedHourOnce_ThenOnlyWhatChangedSince()
    {
        var statistics = new TrafficStatistics(_time);
        var now = _time.GetUtcNow();
        statistics.Count("sms", "a", now);
        statistics.Count("sms", "b", now.AddHours(-1));

        var first = statistics.TakeChanged("gw1", now);
        statistics.Count("sms", "c", now);
        var second = statistics.TakeChanged("gw1", now.AddSeconds(5));

        Assert.That(first.Select(r => (r.Hour.Hour, r.Messages)), Is.EquivalentTo(new[] { (14, 1L), (13, 1L) }));
        Assert.That(second.Single().Messages, Is.EqualTo(2), "a row holds the hour's whole count, not the change");
        Assert.That(second.Single().CountedThrough, Is.EqualTo(now.AddSeconds(5)));
        Assert.That(statistics.TakeChanged("gw1", now), Is.Empty);
    }

    [Test]
    public void MarkUnsaved_GivesTheRowsAgainNextTime()
    {
        var statistics = new TrafficStatistics(_time);
        statistics.Count("sms", "a", _time.GetUtcNow());
        var failed = statistics.TakeChanged("gw1", _time.GetUtcNow());

        statistics.MarkUnsaved(failed);

        Assert.That(statistics.TakeChanged("gw1", _time.GetUtcNow()), Has.Count.EqualTo(1));
    }

    [Test]
    public void Restore_AddsTheStoredHoursToWhatThisRunCounted()
    {
        var before = new TrafficStatistics(_time);
        before.Count("sms", "a", _time.GetUtcNow());
        before.Count("sms", "b", _time.GetUtcNow());
        var stored = before.TakeChanged("gw1", _time.GetUtcNow());

        var after = new TrafficStatistics(_time);
        after.Count("sms", "b", _time.GetUtcNow());
        after.Restore(stored);

        var window = after.Read(24);
        Assert.That(window.MessagesByChannel["sms"].Sum(), Is.EqualTo(3));
        Assert.That(window.Conversations, Is.EqualTo(2));
    }

    [Test]
    public void TakeChanged_ForgetsHoursOlderThanAreKept()
    {
        var statistics = new TrafficStatistics(_time);
        statistics.Count("sms", "a", _time.GetUtcNow());
        statistics.TakeChanged("gw1", _time.GetUtcNow());

        _time.Advance(TimeSpan.FromHours(TrafficStatistics.HoursKept));
        statistics.TakeChanged("gw1", _time.GetUtcNow());

        Assert.That(statistics.Read(TrafficStatistics.HoursKept + 1).MessagesByChannel, Is.Empty);
    }
}
