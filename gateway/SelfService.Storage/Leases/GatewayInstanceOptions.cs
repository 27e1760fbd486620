using System.Globalization;

namespace SelfService.Storage.Leases;

/// <summary>Bound from "Gateway": who this gateway process is among those sharing a store, and how long its leases last.</summary>
public sealed class GatewayInstanceOptions
{
    public const string Section = "Gateway";

    /// <summary>This instance's name in the leases and on /health; empty: the host name and the process id ("gw1-4242").</summary>
    public string InstanceId { get; set; } = string.Empty;

    /// <summary>
    /// How long a connection's lease lasts without renewal: the owner renews it every third of this, lets the connection go
    /// as soon as it cannot, and another instance takes the connection over within this long of the owner's death.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The id this instance goes by.</summary>
    public string ResolvedInstanceId => string.IsNullOrWhiteSpace(InstanceId)
        ? Environment.MachineName + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
        : InstanceId.Trim();

    public IEnumerable<string> Problems()
    {
        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration > TimeSpan.FromMinutes(10))
            yield return $"Gateway:LeaseDuration is {LeaseDuration}; it must be between 00:00:01 and 00:10:00.";
        if (ResolvedInstanceId.Length > 200) yield return "Gateway:InstanceId is longer than 200 characters.";
    }
}
