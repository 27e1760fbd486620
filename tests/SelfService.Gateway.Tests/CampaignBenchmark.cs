using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// The figures: a campaign to 10,000 recipients against the SMSC peer at a configured pace, and the BAL reply
/// latency of customers who write during it next to the same load without a campaign. Explicit, so the suite does not
/// spend its minutes here; run it with
/// <c>dotnet test tests/SelfService.Gateway.Tests -c Release --filter FullyQualifiedName~CampaignBenchmark</c>
/// (CAMPAIGN_RECIPIENTS and CAMPAIGN_PARTS_PER_SECOND change the size and the pace).
/// </summary>
[Explicit("benchmark: about two minutes")]
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class CampaignBenchmark
{
    private const string CampaignText = "{name}, скидка 10% до пятницы";
    private const int BalanceRequests = 200;
    private const int BalanceConcurrency = 10;

    [Test]
    public async Task TenThousandRecipients_MeasuredPaceAndBalanceLatency()
    {
        var recipients = int.Parse(Environment.GetEnvironmentVariable("CAMPAIGN_RECIPIENTS") ?? "10000", CultureInfo.InvariantCulture);
        var rate = double.Parse(Environment.GetEnvironmentVariable("CAMPAIGN_PARTS_PER_SECOND") ?? "200", CultureInfo.InvariantCulture);
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var settings = SmsGatewaySettings.For(smsc);
        settings["Samples:SyntheticSubscribers"] = recipients.ToString(CultureInfo.InvariantCulture);
        settings["Campaigns:MaxPartsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
        using var gateway = new GatewayFactory(settings);
        using var staff = await gateway.CreateStaffClientAsync("marina", StaffRoles.CampaignManager);
        await smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));

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
        var seconds = (at[^1] - at[0]) / 1000.0;
        TestContext.Out.WriteLine($"campaign benchmark: {recipients} one-part messages, {(recipients - 1) / seconds:0.0} parts/s measured at the SMSC, configured {rate}; "
            + $"launch to last submit {clock.Elapsed.TotalSeconds:0.0} s");
        TestContext.Out.WriteLine($"BAL replies, {BalanceRequests} at concurrency {BalanceConcurrency}: without a campaign {Describe(quiet)}; during it {Describe(busy)}");
        Assert.That(at, Has.Count.EqualTo(recipients));
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
