using LiteDB;
using LiteDB.Engine;

namespace SelfService.Gateway.Hosting;

internal static class StorageHostingExtensions
{
    /// <summary>One LiteDB file for the whole gateway, opened once (LiteDB is thread-safe within a process).</summary>
    public static WebApplicationBuilder AddGatewayStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabaseFile), "Storage:DatabaseFile must name a file").ValidateOnStart();
        builder.Services.AddSingleton<ILiteDatabase>(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            var file = GatewayPaths.Resolve(sp.GetRequiredService<IHostEnvironment>(), options.DatabaseFile);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // LiteDB's defaults trim strings and store "" as null: customer text must be kept exactly as sent.
            var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false };
            var engine = new SerializedLiteEngine(new LiteEngine(new EngineSettings { Filename = file }));
            return new LiteDatabase(engine, mapper, disposeOnClose: true);
        });
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
