namespace SelfService.ActionCodes;

/// <summary>What may follow an action keyword in the customer's message.</summary>
/// <remarks>
/// The kind also decides whether a message is an action code at all: "BALANCE on my card is wrong"
/// or "PIN is blocked" are questions for the knowledge base, not commands with strange arguments.
/// </remarks>
public enum ArgumentKind
{
    /// <summary>Nothing: the keyword must be the whole message (trailing punctuation aside).</summary>
    None,

    /// <summary>A service code such as <c>ROAMING</c>; any words are accepted, the processor resolves them.</summary>
    Service,

    /// <summary>A phone number: digits with optional <c>+ ( ) -</c> and spaces.</summary>
    Phone,

    /// <summary>Digits only (a one-time code, a PIN), spaces allowed.</summary>
    Digits,

    /// <summary>Any text, kept in the customer's own letter case.</summary>
    Text,

    /// <summary>A language by one of its names in the catalogue's <c>understanding.languages</c> (<c>EN</c>, <c>РУ</c>, <c>по-русски</c>), or nothing.</summary>
    Language,

    /// <summary>A help topic by one of its names in the catalogue's <c>helpTopics</c> (<c>SERVICES</c>, <c>УСЛУГИ</c>), or nothing.</summary>
    Topic,

    /// <summary>A campaign topic by one of its names in the catalogue's <c>campaignTopics</c> (<c>PROMO</c>, <c>АКЦИИ</c>), or nothing.</summary>
    CampaignTopic,
}
