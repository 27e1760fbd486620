using Microsoft.AspNetCore.Builder;
using SelfService.Samples.OperatorBackend;

namespace SelfService.Provisioning.Tests.Http;

/// <summary>The sample operator backend on 127.0.0.1:0 over a fresh LiteDB file seeded from samples/operator.</summary>
internal sealed class OperatorBackendServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private OperatorBackendServer(WebApplication app, string folder, Uri baseAddress)
    {
        _app = app;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<OperatorBackendServer> StartAsync(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("selfservice-operator-").FullName;
        var app = OperatorBackendApp.Build(
            [.. args, "--Logging:LogLevel:Default=Warning"],
            Path.Combine(folder, "operator.db"),
            SampleOperator.Folder);
        var baseAddress = await app.StartOnLoopbackAsync();
        return new OperatorBackendServer(app, folder, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
