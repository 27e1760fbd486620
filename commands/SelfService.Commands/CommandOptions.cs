namespace SelfService.Commands;

/// <summary>Bound from the "Commands" configuration section.</summary>
public sealed class CommandOptions
{
    public const string Section = "Commands";

    /// <summary>The operator's action-code catalogue (JSON), e.g. samples/operator/actions.json.</summary>
    public string CatalogueFile { get; set; } = "samples/operator/actions.json";

    /// <summary>The operator's menus (JSON), e.g. samples/operator/menus.json; empty for none.</summary>
    public string MenuFile { get; set; } = "";

    /// <summary>Messages longer than this are refused with a polite reply (10 KB of text).</summary>
    public int MaxTextLength { get; set; } = 10_000;

    /// <summary>The country assumed for phone numbers typed without a country code.</summary>
    public string DefaultRegion { get; set; } = "RU";

    /// <summary>The language for replies when neither the text nor the customer tells one.</summary>
    public string DefaultLanguage { get; set; } = "ru";

    /// <summary>How long the service catalogue from the provisioning backend is cached.</summary>
    public TimeSpan ServiceCatalogueRefresh { get; set; } = TimeSpan.FromMinutes(5);
}
