using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SelfService.ActionCodes;
using SelfService.Channels.Smpp;
using SelfService.Commands;
using SelfService.Commands.Menus;
using SelfService.Commands.Escalation;
using SelfService.Commands.Policies;
using SelfService.KnowledgeBase;
using SelfService.Messaging.Text;
using SelfService.Pipeline;
using SelfService.Provisioning;

namespace SelfService.Gateway.Hosting;

internal static class SelfServiceHostingExtensions
{
    /// <summary>The self-service core: provisioning, knowledge base, command processor and message pipeline, from configuration.</summary>
    public static WebApplicationBuilder AddSelfService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<SamplesOptions>().BindConfiguration(SamplesOptions.Section);
        services.AddOptions<CommandOptions>().BindConfiguration(CommandOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl)
                    || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                "Commands:PublicBaseUrl must be an absolute http(s) address, e.g. https://help.operator.example")
            .Validate(o => o.RelatedArticlesWindow > TimeSpan.Zero, "Commands:RelatedArticlesWindow must be positive")
            .ValidateOnStart();
        services.AddOptions<AccessPolicyOptions>().BindConfiguration(AccessPolicyOptions.Section);
        services.AddOptions<EscalationOptions>().BindConfiguration("Escalation");
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.Inbound > TimeSpan.Zero && o.Outbox > TimeSpan.Zero && o.History > TimeSpan.Zero && o.Interval > TimeSpan.Zero,
                "Retention:Inbound, Outbox, History and Interval must be positive")
            .Validate(o => o.Statistics >= TimeSpan.FromDays(2), "Retention:Statistics must keep at least two days: the dashboard shows the last 24 hours")
            .ValidateOnStart();

        var samples = configuration.GetSection(SamplesOptions.Section).Get<SamplesOptions>() ?? new SamplesOptions();
        var samplesRoot = GatewayPaths.Resolve(builder.Environment, samples.Root);

        var selection = configuration.GetSection(ProvisioningSelection.Section).Get<ProvisioningSelection>() ?? new ProvisioningSelection();
        if (string.Equals(selection.Kind, "Http", StringComparison.OrdinalIgnoreCase))
            services.AddHttpProvisioning(o => configuration.GetSection(ProvisioningSelection.Section + ":Http").Bind(o));
        else if (string.Equals(selection.Kind, "Embedded", StringComparison.OrdinalIgnoreCase))
            services.AddEmbeddedProvisioning(o =>
            {
                o.SamplesPath = samples.SeedOnStart ? Path.Combine(samplesRoot, "operator") : null;
                o.SyntheticSubscribers = samples.SyntheticSubscribers;
            });
        else
            throw new OptionsValidationException(ProvisioningSelection.Section, typeof(ProvisioningSelection),
                [$"Provisioning:Kind is '{selection.Kind}'; it must be 'Embedded' or 'Http'."]);

        // Replies for a channel with no adapter yet (an SMS code while no SMSC is bound) are measured as SMS.
        services.AddSingleton<SmsMeasure>(GsmMeasure.Measure);
        services.AddKnowledgeBase(o => configuration.GetSection("KnowledgeBase").Bind(o));
        services.AddOptions<KnowledgeBaseSeedingOptions>().Configure(o => o.Path = samples.SeedOnStart ? Path.Combine(samplesRoot, "knowledgebase") : null);
        services.AddHostedService<KnowledgeBaseSeeding>();

        services.AddSingleton(sp =>
        {
            var file = GatewayPaths.Resolve(sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<IOptions<CommandOptions>>().Value.CatalogueFile);
            return ActionCatalogue.Load(file);
        });
        services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<CommandOptions>>().Value.MenuFile;
            return string.IsNullOrWhiteSpace(file)
                ? MenuCatalogue.Empty
                : MenuCatalogue.Load(GatewayPaths.Resolve(sp.GetRequiredService<IHostEnvironment>(), file));
        });
        services.AddCommandProcessing();
        services.AddMessagePipeline();

        // Enums travel by name ("Published", "Pending"), in answers and in query strings alike.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }
}
