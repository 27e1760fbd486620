using Microsoft.Extensions.DependencyInjection;
using SelfService.Provisioning.Http;

namespace SelfService.Provisioning.Tests.Http;

/// <summary>
/// <see cref="HttpProvisioningBackend"/> built the way a host builds it (AddHttpProvisioning). Its timeouts are patient, so
/// a loaded CI machine cannot turn a slow answer into a failure; the tests of timeouts themselves ask for
/// <see cref="ShortTimeouts"/>.
/// </summary>
internal sealed class HttpBackends : IDisposable
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(400);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMilliseconds(1500);
    private static readonly TimeSpan PatientAttemptTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PatientTotalTimeout = TimeSpan.FromSeconds(60);
    public const int RetryCount = 2;

    private readonly ServiceProvider _services;

    public HttpBackends(Uri baseAddress, Action<HttpProvisioningOptions>? configure = null)
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddHttpProvisioning(o =>
            {
                o.BaseAddress = baseAddress;
                o.AttemptTimeout = PatientAttemptTimeout;
                o.TotalTimeout = PatientTotalTimeout;
                o.RetryCount = RetryCount;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                configure?.Invoke(o);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Backend = _services.GetRequiredService<IProvisioningBackend>();
    }

    public IProvisioningBackend Backend { get; }

    /// <summary>The timeouts the timeout tests measure: <see cref="AttemptTimeout"/> per attempt, <see cref="TotalTimeout"/> in all.</summary>
    public static void ShortTimeouts(HttpProvisioningOptions options)
    {
        options.AttemptTimeout = AttemptTimeout;
        options.TotalTimeout = TotalTimeout;
    }

    public void Dispose() => _services.Dispose();
}
