using System.Net;

namespace SelfService.Channels.Voice;

/// <summary>Bound from "Channels:Voice": which numbers do what, whom to trust, and how patient the menu is.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Channels:Voice";

    public bool Enabled { get; set; }

    /// <summary>Where the gateway takes calls: the SIP/RTP address and ports the operator's trunk sends them to.</summary>
    public VoiceSipOptions Sip { get; set; } = new();

    /// <summary>
    /// The dialled numbers the gateway answers, each opening a menu or running an action code: "0611" → { "Menu": "*100#" },
    /// "0612" → { "Action": "BAL" }, "0613" → { "Action": "ACT ROAMING", "Confirm": true }.
    /// </summary>
    public Dictionary<string, VoiceNumber> Numbers { get; set; } = [];

    /// <summary>
    /// The addresses of the operator's SIP trunks (an address or a CIDR block, "10.20.0.0/16"): only a call from one of them
    /// is believed to come from the number it shows. A call from anywhere else gets what anyone may hear.
    /// </summary>
    public List<string> TrustedTrunks { get; set; } = [];

    /// <summary>The language of a number that names none, and of callers the gateway does not know.</summary>
    public string DefaultLanguage { get; set; } = "ru";

    /// <summary>
    /// How long a call rings before the gateway answers it; zero: at once. A moment of ringing lets a caller who dialled
    /// by mistake hang up before anything is said or counted as answered.
    /// </summary>
    public TimeSpan AnswerAfter { get; set; } = TimeSpan.Zero;

    /// <summary>How long the menu waits for a key before it asks again.</summary>
    public TimeSpan KeyTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often a prompt is played again after a timeout or a wrong key, before the caller is offered a person.</summary>
    public int Replays { get; set; } = 2;

    /// <summary>How long the menu waits for the command processor's answer before it apologizes.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where a caller who asks for a person is transferred (a SIP URI of the contact centre); empty: they are queued for a callback.</summary>
    public string? ContactCentre { get; set; }

    /// <summary>Calling customers back: how an agent's reply to a caller reaches them, spoken in a call the gateway places.</summary>
    public VoiceCallbackOptions Callback { get; set; } = new();

    public IEnumerable<string> Problems()
    {
        if (!Enabled) yield break;
        if (Numbers.Count == 0) yield return "Channels:Voice:Numbers is empty: name at least one number and what it opens.";
        foreach (var (number, entry) in Numbers)
        {
            if (VoiceNumberPlan.Normalize(number).Length == 0) yield return $"Channels:Voice:Numbers: \"{number}\" has no digits.";
            if (string.IsNullOrWhiteSpace(entry.Menu) == string.IsNullOrWhiteSpace(entry.Action))
                yield return $"Channels:Voice:Numbers:{number}: give either Menu (a service code of menus.json) or Action (an action code), not both or neither.";
            if (entry.Confirm && string.IsNullOrWhiteSpace(entry.Action))
                yield return $"Channels:Voice:Numbers:{number}: Confirm applies to an Action.";
            if (entry.Language is { } language && language is not ("ru" or "en"))
                yield return $"Channels:Voice:Numbers:{number}: Language is \"{language}\"; ru or en.";
        }
        foreach (var trunk in TrustedTrunks)
            if (!TrunkTrust.TryParse(trunk, out _)) yield return $"Channels:Voice:TrustedTrunks: \"{trunk}\" is no address or CIDR block.";
        if (DefaultLanguage is not ("ru" or "en")) yield return $"Channels:Voice:DefaultLanguage is \"{DefaultLanguage}\"; ru or en.";
        if (KeyTimeout < TimeSpan.FromSeconds(1) || KeyTimeout > TimeSpan.FromMinutes(1)) yield return "Channels:Voice:KeyTimeout must be between 00:00:01 and 00:01:00.";
        if (AnswerAfter < TimeSpan.Zero || AnswerAfter > TimeSpan.FromSeconds(30)) yield return "Channels:Voice:AnswerAfter must be between 00:00:00 and 00:00:30.";
        if (Replays is < 0 or > 5) yield return "Channels:Voice:Replays must be from 0 to 5.";
        if (AnswerTimeout < TimeSpan.FromSeconds(1)) yield return "Channels:Voice:AnswerTimeout must be at least 00:00:01.";
        if (!IPAddress.TryParse(Sip.Address, out _)) yield return $"Channels:Voice:Sip:Address \"{Sip.Address}\" is no IP address.";
        if (Sip.AdvertisedAddress is { Length: > 0 } advertised && !IPAddress.TryParse(advertised, out _))
            yield return $"Channels:Voice:Sip:AdvertisedAddress \"{advertised}\" is no IP address.";
        if (Sip.Port is < 0 or > 65535) yield return "Channels:Voice:Sip:Port must be from 0 to 65535.";
        if (Sip.RtpPortMin > Sip.RtpPortMax || Sip.RtpPortMin is < 0 or > 65535 || Sip.RtpPortMax > 65535)
            yield return "Channels:Voice:Sip:RtpPortMin and RtpPortMax must be a range of ports (both 0: any).";
        if (!string.IsNullOrWhiteSpace(ContactCentre) && !ContactCentre.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
            yield return $"Channels:Voice:ContactCentre \"{ContactCentre}\" is no SIP URI (sip:queue@10.0.0.9).";
        foreach (var problem in Callback.Problems()) yield return problem;
    }
}

/// <summary>What one dialled number does: open a menu, or run an action code (after a confirming key, if asked).</summary>
public sealed class VoiceNumber
{
    /// <summary>A service code of menus.json ("*100#"): the caller walks that menu with the keys.</summary>
    public string? Menu { get; set; }

    /// <summary>An action code ("BAL", "ACT ROAMING"): run as if the caller had sent it.</summary>
    public string? Action { get; set; }

    /// <summary>The action runs only after the caller presses 1 to confirm it (a change to their services).</summary>
    public bool Confirm { get; set; }

    /// <summary>"ru" or "en"; null: the caller's own language if known, else the channel's default.</summary>
    public string? Language { get; set; }
}

/// <summary>
/// Calls the gateway places to customers who called: an agent's reply to a caller (a callback they asked for) is spoken
/// to them. Only to numbers proven by a trusted trunk; through the operator's trunk, which routes the number.
/// </summary>
public sealed class VoiceCallbackOptions
{
    /// <summary>
    /// The trunk's SIP address outbound calls go to ("10.20.0.5:5060"; without a port, SIP's 5060); empty: no callbacks,
    /// and a reply to a caller fails saying so.
    /// </summary>
    public string? Trunk { get; set; }

    /// <summary>The number the customer sees calling (the user part of From): the one they called, so they know who it is.</summary>
    public string CallerId { get; set; } = "0611";

    /// <summary>Callbacks at once at most (the trunk's lines are not all the gateway's); more wait in the outbox for a free one.</summary>
    public int MaxCalls { get; set; } = 4;

    /// <summary>How long a callback rings before the gateway gives up and tries again later.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How long after an unanswered or busy callback the next attempt is made (the outbox counts the attempts).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(Trunk) && !IPEndPoint.TryParse(Trunk, out _))
            yield return $"Channels:Voice:Callback:Trunk \"{Trunk}\" is no address and port (10.20.0.5:5060).";
        if (VoiceNumberPlan.Normalize(CallerId).Length == 0) yield return "Channels:Voice:Callback:CallerId has no digits.";
        if (MaxCalls is < 1 or > 1000) yield return "Channels:Voice:Callback:MaxCalls must be from 1 to 1000.";
        if (RingTimeout < TimeSpan.FromSeconds(5) || RingTimeout > TimeSpan.FromMinutes(3)) yield return "Channels:Voice:Callback:RingTimeout must be between 00:00:05 and 00:03:00.";
        if (RetryAfter < TimeSpan.FromSeconds(1)) yield return "Channels:Voice:Callback:RetryAfter must be at least 00:00:01.";
    }
}

/// <summary>The SIP side of the voice channel (UDP).</summary>
public sealed class VoiceSipOptions
{
    /// <summary>The address SIP and RTP listen on.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The SIP UDP port; 0: any free one (tests).</summary>
    public int Port { get; set; } = 5060;

    /// <summary>The address written in Contact and SDP when it differs from <see cref="Address"/> (0.0.0.0, NAT); empty: that one.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The RTP port range (even ports); both 0: any free ones.</summary>
    public int RtpPortMin { get; set; }

    public int RtpPortMax { get; set; }
}
