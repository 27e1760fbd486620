namespace SelfService.Provisioning.Embedded;

/// <summary>Settings of the embedded (LiteDB) provisioning backend.</summary>
public sealed class EmbeddedProvisioningOptions
{
    /// <summary>
    /// The folder with <c>services.json</c> and <c>subscribers.json</c> to seed an empty store from
    /// when the host starts (e.g. <c>samples/operator</c>); null seeds nothing.
    /// </summary>
    public string? SamplesPath { get; set; }
}
