namespace SelfService.Provisioning.Embedded;

/// <summary>Settings of the embedded provisioning backend (kept in the gateway's own store).</summary>
public sealed class EmbeddedProvisioningOptions
{
    /// <summary>
    /// The folder with <c>services.json</c> and <c>subscribers.json</c> to seed an empty store from
    /// when the host starts (e.g. <c>samples/operator</c>); null seeds nothing.
    /// </summary>
    public string? SamplesPath { get; set; }

    /// <summary>
    /// For benchmarks: this many more subscribers, numbered <see cref="SyntheticPrefix"/> and seven digits (as the SMSC
    /// simulator's customers are), each a copy of the first sample subscriber without a PIN. Seeded with the samples.
    /// </summary>
    public int SyntheticSubscribers { get; set; }

    public string SyntheticPrefix { get; set; } = "+7900";
}
