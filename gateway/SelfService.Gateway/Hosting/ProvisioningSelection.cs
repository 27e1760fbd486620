namespace SelfService.Gateway.Hosting;

/// <summary>Bound from "Provisioning": which backend the gateway talks to.</summary>
public sealed class ProvisioningSelection
{
    public const string Section = "Provisioning";

    /// <summary>"Embedded" (LiteDB, seeded from samples) or "Http" (the operator's REST backend, see "Provisioning:Http").</summary>
    public string Kind { get; set; } = "Embedded";
}
