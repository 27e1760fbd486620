using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.Provisioning.Embedded;

/// <summary>
/// Seeds the embedded store when the host starts. A hosted service rather than work in a DI
/// factory: the seed reads files asynchronously, and the web host starts the server only after
/// the hosted services registered by the application have started.
/// </summary>
internal sealed partial class ProvisioningSeedHostedService(
    ProvisioningSeed seed,
    IOptions<EmbeddedProvisioningOptions> options,
    ILogger<ProvisioningSeedHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var samplesPath = options.Value.SamplesPath;
        if (string.IsNullOrWhiteSpace(samplesPath))
        {
            return;
        }

        if (await seed.SeedAsync(samplesPath, options.Value, cancellationToken))
        {
            LogSeeded(samplesPath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the provisioning store from {SamplesPath}")]
    private partial void LogSeeded(string samplesPath);
}
