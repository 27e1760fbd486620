namespace SelfService.Storage.Provisioning;

/// <summary>A service of the embedded provisioning backend (the sample operator); <see cref="Code"/> is its key.</summary>
public sealed class ProvisionedService
{
    public string Code { get; set; } = "";
    public Dictionary<string, string> Names { get; set; } = [];
    public Dictionary<string, string> Descriptions { get; set; } = [];
    public List<string> Aliases { get; set; } = [];
    public decimal ActivationFee { get; set; }
    public decimal MonthlyFee { get; set; }
    public string Currency { get; set; } = "";
}
