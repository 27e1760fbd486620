using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// The figure: a campaign to 10,000 recipients against the SMSC peer at a configured pace, with BAL asked during
/// it. Explicit, so the suite does not spend its minute here; run it with
/// <c>dotnet test tests/SelfService.Gateway.Tests -c Release --filter FullyQualifiedName~CampaignBenchmark</c>
/// (CAMPAIGN_RECIPIENTS and CAMPAIGN_PARTS_PER_SECOND change the size and the pace).
/// </summary>
[Explicit("benchmark: about a minute")]
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class CampaignBenchmark
{
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
        var created = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Benchmark", topic = "PROMO", texts = new Dictionary<string, string> { ["ru"] = "{name}, скидка 10% до пятницы" },
            audience = new { kind = "Segment", numberPrefixes = new[] { "+7900" } }, partsPerSecond = rate,
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString();
        var clock = Stopwatch.StartNew();
        await staff.PostAsync($"/api/campaigns/{id}/launch", null);

        await smsc.WaitForCountAsync("submit_sm", recipients / 2, e => e.StringOf("destination_addr")!.StartsWith("7900", StringComparison.Ordinal), TimeSpan.FromMinutes(10));
        var asked = Stopwatch.StartNew();
        await smsc.DeliverAsync("79161234567", SmsGatewaySettings.ShortCode, "BAL");
        await smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == "79161234567", TimeSpan.FromSeconds(60));
        asked.Stop();
        var submits = await smsc.WaitForCountAsync("submit_sm", recipients, e => e.StringOf("destination_addr")!.StartsWith("7900", StringComparison.Ordinal), TimeSpan.FromMinutes(10));

        var at = submits.Select(e => e.GetProperty("at").GetInt64()).Order().ToList();
        var seconds = (at[^1] - at[0]) / 1000.0;
        TestContext.Out.WriteLine($"campaign benchmark: {recipients} one-part messages, {(recipients - 1) / seconds:0.0} parts/s measured at the SMSC, configured {rate}; "
            + $"launch to last submit {clock.Elapsed.TotalSeconds:0.0} s; BAL during the blast answered in {asked.ElapsedMilliseconds} ms");
        Assert.That(at, Has.Count.EqualTo(recipients));
    }
}
