namespace SelfService.Channels.Ussd;

/// <summary>Bound from "Channels:Ussd".</summary>
public sealed class UssdOptions
{
    public const string Section = "Channels:Ussd";

    /// <summary>How long the HTTP callback waits for the command processor before ending the session politely.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>When set, the aggregator must send it as "X-Api-Key" or "?key=": USSD senders are trusted as MSISDNs.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The country for phone numbers without a country code.</summary>
    public string DefaultRegion { get; set; } = "RU";

    /// <summary>The text that ends a session when the gateway cannot answer in time.</summary>
    public string UnavailableText { get; set; } = "Сервис временно недоступен. Service unavailable, try later.";

    /// <summary>USSD over an SMPP bind, "Channels:Ussd:Smpp"; off unless enabled.</summary>
    public UssdSmppOptions Smpp { get; set; } = new();
}
