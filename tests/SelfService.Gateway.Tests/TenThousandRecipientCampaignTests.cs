using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Storage.Campaigns;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// Issue 14: a campaign of a long message (two UCS-2 parts, concatenated with a UDH) to 10,000 recipients through the SMSC
/// peer at a configured pace in parts (500 parts/s here: 20,000 parts, about 40 s), and the BAL reply latency of customers
/// who write during it next to the same load without a campaign. The pace is measured on the wire, from the SMSC peer's
/// own timestamps of every part, and must be within 5 % of the configured one (the bound); nor may the first
/// second carry more. Every recipient gets both parts once, and every BAL is answered. The figures are printed
/// (campaign-pace.figures.txt). CAMPAIGN_RECIPIENTS and CAMPAIGN_PARTS_PER_SECOND change the size and the pace.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class TenThousandRecipientCampaignTests
{
    // Two UCS-2 parts for every recipient: "Subscriber 0" to "Subscriber 9999" and the Cyrillic text make 94 to 97
    // characters (one part holds 70, two 134).
    private const string CampaignText = "{name}, скидка 10% до пятницы на все тарифы и услуги. Подробнее: отправьте ИНФО на 1212";
    private const int PartsEach = 2;
    private const int BalanceRequests = 200;
    private const int BalanceConcurrency = 10;

    // The bound on the pace; the pacer's own catch-up after a stall is 5 % of a second at most.
    private const double PaceTolerance = 0.05;

    [Test]
    public async Task TenThousandRecipients_LongMessage_PacedInPartsWithinFivePercent_AndBalanceAnsweredDuringIt()
    {
        var recipients = int.Parse(Environment.GetEnvironmentVariable("CAMPAIGN_RECIPIENTS") ?? "10000", CultureInfo.InvariantCulture);
        var rate = double.Parse(Environment.GetEnvironmentVariable("CAMPAIGN_PARTS_PER_SECOND") ?? "500", CultureInfo.InvariantCulture);
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var settings = SmsGatewaySettings.For(smsc);
        settings["Samples:SyntheticSubscribers"] = recipients.ToString(CultureInfo.InvariantCulture);
        settings["Campaigns:MaxPartsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
        using var gateway = new GatewayFactory(settings);
        using var staff = await gateway.CreateStaffClientAsync("marina", StaffRoles.CampaignManager);
        await smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));

        // Warmed up first (compiled paths, pooled connections), so the quiet figure is not the first request's.
        await BalanceLatenciesAsync(smsc, firstSubscriber: 2 * BalanceRequests);
        // Without a campaign: the first 200 synthetic subscribers ask for their balance, ten at a time.
        var quiet = await BalanceLatenciesAsync(smsc, firstSubscriber: 0);

        var created = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Benchmark", topic = "PROMO", texts = new Dictionary<string, string> { ["ru"] = CampaignText },
            audience = new { kind = "Segment", numberPrefixes = new[] { "+7900" } }, partsPerSecond = rate,
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("preview").GetProperty("texts").GetProperty("ru").GetProperty("parts").GetInt32(), Is.EqualTo(PartsEach));
        var id = body.GetProperty("campaign").GetProperty("id").GetString()!;
        var clock = Stopwatch.StartNew();
        await staff.PostAsync($"/api/campaigns/{id}/launch", null);

        // During the blast: another 200 subscribers, once a tenth of it is out.
        await smsc.WaitForCountAsync("submit_sm", PartsEach * recipients / 10, IsCampaignPart, TimeSpan.FromMinutes(10));
        var busy = await BalanceLatenciesAsync(smsc, firstSubscriber: BalanceRequests);
        var parts = await smsc.WaitForCountAsync("submit_sm", PartsEach * recipients, IsCampaignPart, TimeSpan.FromMinutes(10));
        var launchToLast = clock.Elapsed;

        // Counted in parts, on the wire: each message's turn holds the next one for its parts, so over the span from the
        // first message's first part to the last message's first part went every part but the last message's.
        var at = parts.Select(AtOf).Order().ToList();
        var firstParts = parts.Where(p => p.GetProperty("udh").GetProperty("seq").GetInt32() == 1).ToList();
        var firstPartAt = firstParts.Select(AtOf).Order().ToList();
        var measured = PartsEach * (firstPartAt.Count - 1) / ((firstPartAt[^1] - firstPartAt[0]) / 1000.0);
        var firstSecond = at.Count(t => t < at[0] + 1000);
        var busiestSecond = BusiestSecond(at);
        var lag = await TurnToWireAsync(gateway, id, firstParts);
        var deviation = Math.Round((measured / rate - 1) * 100, 1) + 0.0;   // + 0.0: never "-0.0"
        var figures = new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"campaign pace: {recipients} messages of {PartsEach} parts, {measured:0.0} parts/s measured at the SMSC against {rate} configured ({deviation:+0.0;-0.0;0.0} %); launch to last part {launchToLast.TotalSeconds:0.0} s"),
            string.Create(CultureInfo.InvariantCulture, $"campaign pace: parts at the SMSC in the first second {firstSecond}, in the busiest second (sliding) {busiestSecond}; a message's turn to its first part at the SMSC {lag}"),
            $"campaign pace: BAL replies, {BalanceRequests} at concurrency {BalanceConcurrency}: without a campaign {Describe(quiet)}; during it {Describe(busy)}",
        };
        File.WriteAllLines(Path.Combine(TestContext.CurrentContext.WorkDirectory, "campaign-pace.figures.txt"), figures);
        foreach (var line in figures) TestContext.Out.WriteLine(line);

        Assert.Multiple(() =>
        {
            Assert.That(firstParts.Select(e => e.StringOf("destination_addr")).Distinct().Count(), Is.EqualTo(recipients), "each recipient once");
            Assert.That(smsc.Events("submit_sm").Count(IsCampaignPart), Is.EqualTo(PartsEach * recipients), "and no one twice");
            Assert.That(parts.GroupBy(e => e.StringOf("destination_addr")).Select(g => string.Join(",", g.Select(e => e.GetProperty("udh").GetProperty("seq").GetInt32()).Order())).Distinct(),
                Is.EqualTo(new[] { "1,2" }), "every message whole");
            Assert.That(measured, Is.InRange(rate * (1 - PaceTolerance), rate * (1 + PaceTolerance)), "the pace, counted in parts, within 5 %");
            Assert.That(firstSecond, Is.LessThanOrEqualTo(rate * (1 + PaceTolerance)), "no burst at the start");
            Assert.That(busy, Has.Count.EqualTo(BalanceRequests), "every BAL during the blast answered");
        });
    }

    private static long AtOf(JsonElement e) => e.GetProperty("at").GetInt64();

    /// <summary>The most parts the SMSC saw within any one second (a window starting at each part).</summary>
    private static int BusiestSecond(List<long> sortedAt)
    {
        var most = 0;
        for (int first = 0, last = 0; first < sortedAt.Count; first++)
        {
            while (last < sortedAt.Count && sortedAt[last] < sortedAt[first] + 1000) last++;
            most = Math.Max(most, last - first);
        }
        return most;
    }

    /// <summary>From each message's turn on the pace (its recipient's HandedOverAt) to its first part at the SMSC: what the sending path adds.</summary>
    private static async Task<string> TurnToWireAsync(GatewayFactory gateway, string campaignId, IReadOnlyList<JsonElement> firstParts)
    {
        var store = gateway.Services.GetRequiredService<ICampaignStore>();
        var campaign = await store.GetAsync(campaignId, CancellationToken.None);
        var turns = (await store.RecipientsAsync(campaignId, campaign!.CurrentRun!, -1, int.MaxValue, CancellationToken.None))
            .Where(r => r.HandedOverAt is not null).ToDictionary(r => r.Msisdn.TrimStart('+'), r => r.HandedOverAt!.Value.ToUnixTimeMilliseconds());
        return Describe([.. firstParts.Select(p => AtOf(p) - turns[p.StringOf("destination_addr")!])]);
    }

    /// <summary>A part of a campaign message (concatenated; the BAL replies are one part each).</summary>
    private static bool IsCampaignPart(JsonElement e) =>
        e.StringOf("destination_addr")!.StartsWith("7900", StringComparison.Ordinal) && e.HasField("udh");

    /// <summary>From each BAL sent (clock taken before the deliver) to its reply's submit at the SMSC, in milliseconds.</summary>
    private static async Task<List<long>> BalanceLatenciesAsync(NodeSmsc smsc, int firstSubscriber)
    {
        var latencies = new List<long>();
        var next = firstSubscriber - 1;
        async Task WorkerAsync()
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= firstSubscriber + BalanceRequests) return;
                var msisdn = "7900" + index.ToString("D7", CultureInfo.InvariantCulture);
                var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await smsc.DeliverAsync(msisdn, SmsGatewaySettings.ShortCode, "BAL");
                var reply = await smsc.WaitForAsync("submit_sm",
                    e => e.StringOf("destination_addr") == msisdn && !e.HasField("udh"), TimeSpan.FromSeconds(60));
                lock (latencies) latencies.Add(reply.GetProperty("at").GetInt64() - sent);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, BalanceConcurrency).Select(_ => WorkerAsync()));
        return latencies;
    }

    private static string Describe(List<long> latencies)
    {
        var sorted = latencies.Order().ToList();
        long At(double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50)} ms, p99 {At(0.99)} ms, max {sorted[^1]} ms");
    }
}
