using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SelfService.Provisioning.Embedded;
using SelfService.Provisioning.Http;

namespace SelfService.Provisioning;

/// <summary>Registers one <see cref="IProvisioningBackend"/>: the embedded store or the operator's REST backend.</summary>
public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmbeddedProvisioningBackend"/> (also as itself, for its audit) over the
    /// <see cref="SelfService.Storage.Provisioning.IProvisioningStore"/> the host registers, and seeds it on start when
    /// <see cref="EmbeddedProvisioningOptions.SamplesPath"/> is set.
    /// </summary>
    public static IServiceCollection AddEmbeddedProvisioning(this IServiceCollection services, Action<EmbeddedProvisioningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EmbeddedProvisioningOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmbeddedProvisioningBackend>();
        services.TryAddSingleton<ProvisioningSeed>();
        services.AddSingleton<IProvisioningBackend>(sp => sp.GetRequiredService<EmbeddedProvisioningBackend>());
        services.AddHostedService<ProvisioningSeedHostedService>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="HttpProvisioningBackend"/> with a named HTTP client whose resilience
    /// handler retries transient failures (5xx, 408, 429, timeouts, connection errors) with
    /// exponential backoff and jitter, each attempt bounded by <see cref="HttpProvisioningOptions.AttemptTimeout"/>.
    /// </summary>
    public static IServiceCollection AddHttpProvisioning(this IServiceCollection services, Action<HttpProvisioningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<HttpProvisioningOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpProvisioningOptions>, HttpProvisioningOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpProvisioningBackend.HttpClientName)
            .ConfigureHttpClient((sp, client) => ConfigureClient(client, sp.GetRequiredService<IOptions<HttpProvisioningOptions>>().Value))
            .AddResilienceHandler("provisioning", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<HttpProvisioningOptions>>().Value;
                pipeline
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        // POSTs are retried too: they carry an Idempotency-Key.
                        MaxRetryAttempts = options.RetryCount,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryBaseDelay,
                    })
                    .AddTimeout(options.AttemptTimeout);
            });

        services.TryAddSingleton<HttpProvisioningBackend>();
        services.AddSingleton<IProvisioningBackend>(sp => sp.GetRequiredService<HttpProvisioningBackend>());
        return services;
    }

    private static void ConfigureClient(HttpClient client, HttpProvisioningOptions options)
    {
        // Relative paths resolve under the base only when it ends with a slash.
        var baseAddress = options.BaseAddress!.AbsoluteUri;
        client.BaseAddress = new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/");

        // Timeouts are the resilience handler's and HttpProvisioningBackend's, not HttpClient's 100 s.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(options.BearerToken))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            client.DefaultRequestHeaders.Add(options.ApiKeyHeaderName, options.ApiKey);
        }
    }
}
