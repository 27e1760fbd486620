using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// kill -9 of the gateway in the middle of SMS traffic: no accepted message is lost. A reply whose submit_sm was on the
/// wire without its answer at the kill cannot be told from one that never left, and is sent again: about a window's
/// worth of customers may get a second copy (the figure is printed; driving it to zero is open work).
/// </summary>
public class SmsCrashTests
{
    private const int WindowSize = 10;

    [Test]
    public async Task KillMidLoad_NoMessageLost_RepeatsBoundedByTheWindow()
    {
        using var folder = new TemporaryFolder();
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var settings = new Dictionary<string, string>
        {
            ["Storage:DatabaseFile"] = folder.File("gateway.db"),
            ["Samples:Root"] = RepositoryPaths.Samples,
            ["Commands:CatalogueFile"] = RepositoryPaths.Catalogue,
            ["Commands:MenuFile"] = RepositoryPaths.Menus,
            ["Channels:Sms:Enabled"] = "true",
            ["Channels:Sms:Smpp:Host"] = "127.0.0.1",
            ["Channels:Sms:Smpp:Port"] = smsc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Sms:Smpp:SystemId"] = "selfservice",
            ["Channels:Sms:Smpp:Password"] = "secret",
            ["Channels:Sms:Smpp:ReconnectMinDelay"] = "00:00:00.200",
            ["Channels:Sms:Smpp:ReconnectMaxDelay"] = "00:00:01",
            ["Channels:Sms:Smpp:WindowSize"] = WindowSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var customers = Enumerable.Range(0, 60).Select(i => "7999100" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        using (await GatewayProcess.StartAsync(settings))
        {
            await smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(30));
            foreach (var number in customers) await smsc.DeliverAsync(number, "1212", "BAL");
            await smsc.WaitForCountAsync("submit_sm", 15, timeout: TimeSpan.FromSeconds(30));
        } // disposing kills the process: SIGKILL, mid-load

        using var second = await GatewayProcess.StartAsync(settings);
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (customers.Any(n => Accepted(smsc, n) == 0) && DateTime.UtcNow < deadline) await Task.Delay(100);
        using (var admin = await second.CreateAdminClientAsync()) await OutboxSettled.WaitAsync(admin, "sms");

        var answered = customers.ToDictionary(n => n, n => Accepted(smsc, n));
        Assert.That(answered.Where(a => a.Value == 0).Select(a => a.Key), Is.Empty, "no accepted message is lost");
        var twice = answered.Count(a => a.Value > 1);
        TestContext.Out.WriteLine($"kill -9 mid-load: {customers.Count} customers, 0 lost, {twice} answered twice");
        Assert.That(answered.Values.Max(), Is.LessThanOrEqualTo(2), "a reply is repeated at most once");
        // In flight at the kill: the window's submits, plus any whose answer had arrived but was not yet recorded.
        Assert.That(twice, Is.LessThanOrEqualTo(2 * WindowSize), "only the submits in flight at the kill are repeated");
    }

    private static int Accepted(NodeSmsc smsc, string number) =>
        smsc.Events("submit_sm").Count(e => e.StringOf("destination_addr") == number && e.NumberOf("command_status") == 0);
}
