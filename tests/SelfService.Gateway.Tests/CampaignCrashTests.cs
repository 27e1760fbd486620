using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// kill -9 of the gateway in the middle of a campaign, then a start on the same store: the run goes on where it stopped.
/// Nobody is skipped; nobody gets the message twice. A submit_sm on the wire at the kill is counted as sent without its
/// answer (the outbox's rule for SMS: never a duplicate), so it is the one message that may not have reached the SMSC:
/// such recipients are counted and printed, and are at most the bind's window.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class CampaignCrashTests
{
    private const int Recipients = 30;
    private const int WindowSize = 5;

    [Test]
    public async Task KillMidCampaign_RestartGoesOn_NobodyTwice_NobodySkipped()
    {
        using var folder = new TemporaryFolder();
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var settings = new Dictionary<string, string>
        {
            ["Storage:DatabaseFile"] = folder.File("gateway.db"),
            ["Samples:Root"] = RepositoryPaths.Samples,
            ["Samples:SyntheticSubscribers"] = Recipients.ToString(CultureInfo.InvariantCulture),
            ["Commands:CatalogueFile"] = RepositoryPaths.Catalogue,
            ["Commands:MenuFile"] = RepositoryPaths.Menus,
            ["Channels:Sms:Enabled"] = "true",
            ["Channels:Sms:Smpp:Host"] = "127.0.0.1",
            ["Channels:Sms:Smpp:Port"] = smsc.Port.ToString(CultureInfo.InvariantCulture),
            ["Channels:Sms:Smpp:SystemId"] = "selfservice",
            ["Channels:Sms:Smpp:Password"] = "secret",
            ["Channels:Sms:Smpp:ReconnectMinDelay"] = "00:00:00.200",
            ["Channels:Sms:Smpp:ReconnectMaxDelay"] = "00:00:01",
            ["Channels:Sms:Smpp:WindowSize"] = WindowSize.ToString(CultureInfo.InvariantCulture),
        };
        var numbers = Enumerable.Range(0, Recipients).Select(i => "7900" + i.ToString("D7", CultureInfo.InvariantCulture)).ToList();

        string id;
        using (var first = await GatewayProcess.StartAsync(settings))
        {
            await smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(30));
            using var admin = await first.CreateAdminClientAsync();
            var created = await admin.PostAsJsonAsync("/api/campaigns", new
            {
                name = "Crash", topic = "PROMO", channel = "sms", texts = new Dictionary<string, string> { ["ru"] = "Skidka 10%", ["en"] = "10% off" },
                audience = new { kind = "Segment", numberPrefixes = new[] { "+7900" } }, trigger = new { kind = "Once" }, partsPerSecond = 10,
            });
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString()!;
            (await admin.PostAsync($"/api/campaigns/{id}/launch", null)).EnsureSuccessStatusCode();
            await smsc.WaitForCountAsync("submit_sm", 10, e => IsCampaign(e, numbers), TimeSpan.FromSeconds(30));
            first.Kill();   // SIGKILL, a third of the way through
        }
        var beforeKill = Sent(smsc, numbers);

        using var second = await GatewayProcess.StartAsync(settings);
        using (var admin = await second.CreateAdminClientAsync())
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            JsonElement state;
            while ((state = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/progress")).GetProperty("state").GetString() != "Done")
            {
                if (DateTime.UtcNow > deadline) Assert.Fail("the campaign did not finish after the restart: " + state);
                await Task.Delay(200);
            }
            await OutboxSettled.WaitAsync(admin, "sms");
            Assert.That(state.GetProperty("progress").GetProperty("handedOver").GetInt32(), Is.EqualTo(Recipients), "every recipient handed over once");
        }

        var sent = Sent(smsc, numbers);
        var missing = numbers.Where(n => sent[n] == 0).ToList();
        TestContext.Out.WriteLine($"kill -9 mid-campaign: {Recipients} recipients, {beforeKill.Values.Count(c => c > 0)} reached before the kill, " +
            $"{sent.Values.Count(c => c > 1)} reached twice, {missing.Count} not reached (their submit was on the wire at the kill)");
        Assert.That(sent.Values.Max(), Is.EqualTo(1), "nobody gets the message twice");
        Assert.That(missing, Has.Count.LessThanOrEqualTo(WindowSize), "only a submit on the wire at the kill may be lost");
        Assert.That(missing.All(n => numbers.IndexOf(n) < numbers.IndexOf(beforeKill.Where(b => b.Value > 0).Select(b => b.Key).Max()!) + WindowSize + 1),
            "one not reached was in the window at the kill, not skipped after it");
    }

    private static bool IsCampaign(JsonElement e, List<string> numbers) => numbers.Contains(e.StringOf("destination_addr")!);

    private static Dictionary<string, int> Sent(NodeSmsc smsc, List<string> numbers) =>
        numbers.ToDictionary(n => n, n => smsc.Events("submit_sm").Count(e => e.StringOf("destination_addr") == n && e.NumberOf("command_status") == 0));
}
