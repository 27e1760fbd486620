using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SelfService.Provisioning;
using SelfService.Storage.LiteDb;

namespace SelfService.Samples.OperatorBackend;

/// <summary>
/// Builds the sample operator backend. Public so tests can start it in-process on a loopback
/// port of their choosing (add <c>http://127.0.0.1:0</c> to <see cref="WebApplication.Urls"/>, start it, read the address back).
/// </summary>
public static class OperatorBackendApp
{
    /// <summary>Builds the app from the command line and configuration (section <c>OperatorBackend</c>).</summary>
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>Builds the app over the database file <paramref name="databasePath"/>, seeded from <paramref name="samplesPath"/>.</summary>
    public static WebApplication Build(string[] args, string databasePath, string samplesPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(samplesPath);
        return Build(args, options =>
        {
            options.DatabasePath = databasePath;
            options.SamplesPath = samplesPath;
        });
    }

    private static WebApplication Build(string[] args, Action<OperatorBackendOptions>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Services.AddOptions<OperatorBackendOptions>().BindConfiguration(OperatorBackendOptions.SectionName);
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        // The gateway's embedded engine, in a file of its own: the backend's data behind the same storage port.
        builder.Services.AddOptions<LiteDbStorageOptions>();
        builder.Services.AddLiteDbStorage((sp, _) =>
            Path.GetFullPath(sp.GetRequiredService<IOptions<OperatorBackendOptions>>().Value.DatabasePath, builder.Environment.ContentRootPath));
        builder.Services.AddEmbeddedProvisioning();
        builder.Services.AddOptions<Provisioning.Embedded.EmbeddedProvisioningOptions>()
            .Configure<IOptions<OperatorBackendOptions>>((embedded, backend) => embedded.SamplesPath = backend.Value.SamplesPath);

        var app = builder.Build();
        app.MapOperatorApi();
        return app;
    }
}
