using System.Net;
using System.Net.Http.Headers;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;

namespace SelfService.Gateway.Tests;

/// <summary>The first admin and other staff are created from the command line, with the password on stdin, never as an argument.</summary>
public class StaffCommandLineTests
{
    [Test]
    public async Task StaffAdd_ThenToken_GivesAWorkingAdminToken()
    {
        using var folder = new TemporaryFolder();
        var database = folder.File("gateway.db");

        var add = await GatewayProcess.RunStaffCommandAsync(database, "a long admin password", "add", "root", "--role", "admin", "--display-name", "Главный");
        Assert.That(add.ExitCode, Is.Zero, add.Output);
        Assert.That(add.Output, Does.Contain("created root (admin)"));

        var weak = await GatewayProcess.RunStaffCommandAsync(database, "short", "add", "bob", "--role", "agent");
        Assert.That(weak.ExitCode, Is.EqualTo(1));
        Assert.That(weak.Output, Does.Contain("at least 10 characters"));

        var token = await GatewayProcess.RunStaffCommandAsync(database, null, "token", "root", "--label", "test");
        Assert.That(token.ExitCode, Is.Zero, token.Output);
        var list = await GatewayProcess.RunStaffCommandAsync(database, null, "list");
        Assert.That(list.Output, Does.Contain("root").And.Not.Contain("bob"));

        using var gateway = await GatewayProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DatabaseFile"] = database, ["Samples:Root"] = RepositoryPaths.Samples,
            ["Commands:CatalogueFile"] = RepositoryPaths.Catalogue, ["Commands:MenuFile"] = RepositoryPaths.Menus,
        });
        using var http = new HttpClient { BaseAddress = gateway.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Output.Trim());
        using var response = await http.GetAsync("/api/staff/accounts");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Главный"));
    }
}
