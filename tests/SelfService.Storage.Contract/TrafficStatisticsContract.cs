using SelfService.Storage.Statistics;

namespace SelfService.Storage.Contract;

/// <summary>
/// The hourly traffic rollup: rows replace rows of the same hour, channel and instance, and instances' rows stand side by
/// side; read back by time, purged by age.
/// </summary>
public abstract class TrafficStatisticsContract : StorageContract
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Save_ThenSince_ReadsTheRowsBackOldestFirst_ThatSurviveARestart()
    {
        await Store.Traffic.SaveAsync([Row(Hour.AddHours(1), "sms", 7), Row(Hour, "ussd", 2), Row(Hour, "sms", 5)], None);
        await ReopenAsync();

        var rows = await Store.Traffic.SinceAsync(Hour, None);

        Assert.That(rows.Select(r => (r.Hour, r.Channel, r.Messages)), Is.EqualTo(new[] { (Hour, "sms", 5L), (Hour, "ussd", 2L), (Hour.AddHours(1), "sms", 7L) }));
        Assert.That(rows[0].Senders, Is.EqualTo(new byte[] { 0, 5, 1 }), "the sketch's bytes come back as written");
        Assert.That(rows[0].CountedThrough, Is.EqualTo(Hour.AddMinutes(30)));
    }

    [Test]
    public async Task Save_TheSameHourAndChannelAgain_ReplacesTheRow()
    {
        await Store.Traffic.SaveAsync([Row(Hour, "sms", 5)], None);
        await Store.Traffic.SaveAsync([Row(Hour, "sms", 9)], None);

        var rows = await Store.Traffic.SinceAsync(Hour, None);

        Assert.That(rows.Select(r => r.Messages), Is.EqualTo(new[] { 9L }));
    }

    [Test]
    public async Task Save_TheSameHourAndChannelByTwoInstances_KeepsBothRows_EachReplacedOnlyByItsOwn()
    {
        await Store.Traffic.SaveAsync([Row(Hour, "sms", 5, "gw-a"), Row(Hour, "sms", 4, "gw-b")], None);
        await Store.Traffic.SaveAsync([Row(Hour, "sms", 6, "gw-b")], None);
        await ReopenAsync();

        var rows = await Store.Traffic.SinceAsync(Hour, None);

        Assert.That(rows.Select(r => (r.Instance, r.Messages)), Is.EqualTo(new[] { ("gw-a", 5L), ("gw-b", 6L) }));
    }

    [Test]
    public async Task Since_LeavesOutEarlierHours()
    {
        await Store.Traffic.SaveAsync([Row(Hour.AddHours(-1), "sms", 1), Row(Hour, "sms", 2), Row(Hour.AddHours(2), "sms", 3)], None);

        var rows = await Store.Traffic.SinceAsync(Hour.AddMinutes(1), None);

        Assert.That(rows.Select(r => r.Messages), Is.EqualTo(new[] { 3L }), "an hour that began before 'since' is not in it");
    }

    [Test]
    public async Task Purge_DeletesTheHoursOlderThanThePolicyKeeps()
    {
        var now = Hour.AddDays(100);
        await Store.Traffic.SaveAsync([Row(Hour, "sms", 1), Row(now.AddDays(-89), "sms", 2), Row(now, "ussd", 3)], None);
        var policy = new RetentionPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(365)) { Statistics = TimeSpan.FromDays(90) };

        var report = await Store.PurgeAsync(policy, now, None);

        Assert.That(report.StatisticsHours, Is.EqualTo(1));
        Assert.That((await Store.Traffic.SinceAsync(Hour, None)).Select(r => r.Messages), Is.EqualTo(new[] { 2L, 3L }));
    }

    private static TrafficHour Row(DateTimeOffset hour, string channel, long messages, string instance = "") => new()
    {
        Hour = hour, Channel = channel, Instance = instance, Messages = messages, Senders = [0, (byte)messages, 1], CountedThrough = hour.AddMinutes(30),
    };
}
