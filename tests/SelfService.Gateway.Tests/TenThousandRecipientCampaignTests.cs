using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// Issue 14: a campaign to 10,000 recipients through the SMSC peer at a configured pace (500 parts/s here: about 20 s),
/// and the BAL reply latency of customers who write during it next to the same load without a campaign. Asserts what
/// must hold whatever the machine: every recipient gets the message once, the pace is never exceeded, every BAL is
/// answered; the measured pace and latencies are printed (campaign-pace.figures.txt), not asserted.
/// CAMPAIGN_RECIPIENTS and CAMPAIGN_PARTS_PER_SECOND change the size and the pace.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class TenThousandRecipientCampaignTests
{
    private const string CampaignText = "{name}, скидка 10% до пятницы";
    private const int BalanceRequests = 200;
    private const int BalanceConcurrency = 10;

    // Above the pace's own tolerance: the pacer may catch up by 0.2 s after a slow commit, no more.
    private const double PaceCeiling = 1.05;

    [Test]
    public async Task TenThousandRecipients_EachOnce_NeverAboveThePace_AndBalanceAnsweredDuringIt()
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
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString();
        var clock = Stopwatch.StartNew();
        await staff.PostAsync($"/api/campaigns/{id}/launch", null);

        // During the blast: another 200 subscribers, once a tenth of it is out.
        await smsc.WaitForCountAsync("submit_sm", recipients / 10, IsCampaign, TimeSpan.FromMinutes(10));
        var busy = await BalanceLatenciesAsync(smsc, firstSubscriber: BalanceRequests);
        var submits = await smsc.WaitForCountAsync("submit_sm", recipients, IsCampaign, TimeSpan.FromMinutes(10));

        var at = submits.Select(e => e.GetProperty("at").GetInt64()).Order().ToList();
        var measured = (recipients - 1) / ((at[^1] - at[0]) / 1000.0);
        var figures = new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"campaign pace: {recipients} one-part messages, {measured:0.0} parts/s measured at the SMSC against {rate} configured ({(measured / rate - 1) * 100:+0.0;-0.0} %); launch to last submit {clock.Elapsed.TotalSeconds:0.0} s"),
            $"campaign pace: BAL replies, {BalanceRequests} at concurrency {BalanceConcurrency}: without a campaign {Describe(quiet)}; during it {Describe(busy)}",
        };
        File.WriteAllLines(Path.Combine(TestContext.CurrentContext.WorkDirectory, "campaign-pace.figures.txt"), figures);
        foreach (var line in figures) TestContext.Out.WriteLine(line);

        Assert.Multiple(() =>
        {
            Assert.That(submits.Select(e => e.StringOf("destination_addr")).Distinct().Count(), Is.EqualTo(recipients), "each recipient once");
            Assert.That(smsc.Events("submit_sm").Count(IsCampaign), Is.EqualTo(recipients), "and no one twice");
            Assert.That(measured, Is.LessThanOrEqualTo(rate * PaceCeiling), "the pace is a ceiling");
            Assert.That(busy, Has.Count.EqualTo(BalanceRequests), "every BAL during the blast answered");
        });
    }

    private static bool IsCampaign(JsonElement e) =>
        e.StringOf("destination_addr")!.StartsWith("7900", StringComparison.Ordinal) && e.StringOf("text")!.Contains("скидка", StringComparison.Ordinal);

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
                    e => e.StringOf("destination_addr") == msisdn && !e.StringOf("text")!.Contains("скидка", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
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
