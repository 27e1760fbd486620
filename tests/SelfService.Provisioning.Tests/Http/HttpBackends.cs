using Microsoft.Extensions.DependencyInjection;
using SelfService.Provisioning.Http;

namespace SelfService.Provisioning.Tests.Http;

/// <summary>
/// <see cref="HttpProvisioningBackend"/> built the way a host builds it (AddHttpProvisioning),
/// with timeouts short enough for tests.
/// </summary>
internal sealed class HttpBackends : IDisposable
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(400);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMilliseconds(1500);
    public const int RetryCount = 2;

    private readonly ServiceProvider _services;

    public HttpBackends(Uri baseAddress, Action<HttpProvisioningOptions>? configure = null)
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddHttpProvisioning(o =>
            {
                o.BaseAddress = baseAddress;
                o.AttemptTimeout = AttemptTimeout;
                o.TotalTimeout = TotalTimeout;
                o.RetryCount = RetryCount;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                configure?.Invoke(o);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Backend = _services.GetRequiredService<IProvisioningBackend>();
    }

    public IProvisioningBackend Backend { get; }

    public void Dispose() => _services.Dispose();
}
