namespace SelfService.Provisioning.Http;

/// <summary>Settings of <see cref="HttpProvisioningBackend"/>: where the operator's REST backend is and how long to wait for it.</summary>
public sealed class HttpProvisioningOptions
{
    /// <summary>The contract's base address, e.g. <c>https://provisioning.operator.example/api/v1/</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long one call may take in all, retries and backoff included; past it the call throws
    /// <see cref="ProvisioningUnavailableException"/>.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt on 5xx, 408, 429, timeouts and connection errors.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Sent in <see cref="ApiKeyHeaderName"/> when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The header that carries <see cref="ApiKey"/>.</summary>
    public string ApiKeyHeaderName { get; set; } = "X-Api-Key";
}
