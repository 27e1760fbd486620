using Microsoft.Extensions.Options;
using SelfService.KnowledgeBase;

namespace SelfService.Gateway.Hosting;

/// <summary>Where the sample knowledge base is imported from on first start; null to start empty.</summary>
internal sealed class KnowledgeBaseSeedingOptions
{
    public string? Path { get; set; }
}

/// <summary>Imports the sample knowledge base into an empty store before the gateway takes messages.</summary>
internal sealed partial class KnowledgeBaseSeeding(
    KnowledgeBaseImporter importer, IOptions<KnowledgeBaseSeedingOptions> options, ILogger<KnowledgeBaseSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Path is { } path && await importer.ImportIfEmptyAsync(path, cancellationToken) is { } result)
            LogSeeded(result.Created, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the knowledge base with {Count} articles from {Path}")]
    private partial void LogSeeded(int count, string path);
}
