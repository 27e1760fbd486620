using System.Net.Http.Headers;
using SelfService.Staff;
using SelfService.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway host, in this process, on Kestrel at a loopback port chosen at run time, with its own
/// LiteDB file and the sample operator. Extra settings override appsettings.json.
/// <see cref="CreateLoopbackClient"/> acts as an admin (every API); <see cref="CreateStaffClient"/> as a given role.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;

    private readonly string _environment;

    /// <param name="environment">The host environment: "Testing", or "Development" for what only it allows.</param>
    public GatewayFactory(IDictionary<string, string?>? settings = null, string environment = "Testing")
    {
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabaseFile"] = _folder.File("gateway.db"),
            ["Samples:Root"] = RepositoryPaths.Samples,
            ["Commands:CatalogueFile"] = RepositoryPaths.Catalogue,
            ["Commands:MenuFile"] = RepositoryPaths.Menus,
            ["Pipeline:FirstRetryDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel(0);
    }

    public string DatabaseFile => _settings["Storage:DatabaseFile"]!;

    /// <summary>What the gateway logged (Information and above).</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>An HTTP client to the Kestrel endpoint (real sockets on 127.0.0.1), signed in as an admin by API token.</summary>
    public Task<HttpClient> CreateLoopbackClientAsync() => CreateStaffClientAsync("test-admin", StaffRoles.Admin);

    /// <summary>A client with no credentials: what a customer's browser or a stranger has.</summary>
    public HttpClient CreateAnonymousClient()
    {
        StartServer();
        var client = CreateClient();
        if (!client.BaseAddress!.IsLoopback) throw new InvalidOperationException("The test host must listen on loopback.");
        return client;
    }

    /// <summary>A client acting as <paramref name="userName"/> (created with <paramref name="roles"/> on first use) by API token.</summary>
    public async Task<HttpClient> CreateStaffClientAsync(string userName, params string[] roles)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync(userName, roles));
        return client;
    }

    /// <summary>Creates the account if needed and returns a fresh API token for it.</summary>
    public Task<string> IssueTokenAsync(string userName, params string[] roles)
    {
        StartServer();
        return TestStaff.IssueTokenAsync(Services, userName, roles);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _folder.Dispose();
    }
}
