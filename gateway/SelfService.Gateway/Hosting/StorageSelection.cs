namespace SelfService.Gateway.Hosting;

/// <summary>Bound from "Storage": which engine keeps the gateway's data.</summary>
public sealed class StorageSelection
{
    public const string Section = "Storage";

    /// <summary>
    /// "LiteDb" (one embedded file, "Storage:DatabaseFile"; the default) or "PostgreSql" (a database several gateways may
    /// share, "Storage:PostgreSql:ConnectionString").
    /// </summary>
    public string Kind { get; set; } = "LiteDb";
}
