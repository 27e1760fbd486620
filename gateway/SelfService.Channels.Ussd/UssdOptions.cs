namespace SelfService.Channels.Ussd;

/// <summary>Bound from "Channels:Ussd".</summary>
public sealed class UssdOptions
{
    public const string Section = "Channels:Ussd";

    /// <summary>How long the HTTP callback waits for the command processor before ending the session politely.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The aggregators' HTTP callback (<see cref="UssdHttpEndpoints.Route"/>). Off unless enabled; once on, it needs
    /// <see cref="ApiKey"/>, <see cref="AllowedSources"/> or both, because the callback's phoneNumber is trusted as the
    /// sender's MSISDN.
    /// </summary>
    public bool HttpEnabled { get; set; }

    /// <summary>When set, the aggregator must send it as "X-Api-Key" or "?key=" (16+ characters).</summary>
    public string? ApiKey { get; set; }

    /// <summary>When not empty, only these addresses or networks ("10.1.2.3", "192.0.2.0/24", "2001:db8::/32") may call.</summary>
    public List<string> AllowedSources { get; set; } = [];

    /// <summary>
    /// Development only: lets the HTTP callback run with neither a key nor allowed sources, so anyone who reaches the
    /// port can act as any subscriber. Refused outside the Development environment, and warned about at start.
    /// </summary>
    public bool AllowUnauthenticatedInDevelopment { get; set; }

    /// <summary>The country for phone numbers without a country code.</summary>
    public string DefaultRegion { get; set; } = "RU";

    /// <summary>The text that ends a session when the gateway cannot answer in time.</summary>
    public string UnavailableText { get; set; } = "Сервис временно недоступен. Service unavailable, try later.";

    /// <summary>USSD over an SMPP bind, "Channels:Ussd:Smpp"; off unless enabled.</summary>
    public UssdSmppOptions Smpp { get; set; } = new();
}
