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

    /// <summary>
    /// Where customers reach the gateway's pages (<c>https://help.operator.example</c>): a link between articles in an
    /// answer leads to <c>{PublicBaseUrl}/kb/{id}</c>. Empty: the web chats link relatively (their pages are the gateway's),
    /// email and Telegram show the link's text, and every channel offers the linked articles as choices.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>How long a digit (or button) after an answer still picks one of the articles it linked to.</summary>
    public TimeSpan RelatedArticlesWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the service catalogue from the provisioning backend is cached.</summary>
    public TimeSpan ServiceCatalogueRefresh { get; set; } = TimeSpan.FromMinutes(5);
}
