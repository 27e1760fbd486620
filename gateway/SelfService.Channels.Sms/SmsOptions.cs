using SelfService.Smpp;

namespace SelfService.Channels.Sms;

/// <summary>Bound from "Channels:Sms". The channel is on when <see cref="Enabled"/> is true.</summary>
public sealed class SmsOptions
{
    public const string Section = "Channels:Sms";

    public bool Enabled { get; set; }

    /// <summary>The bind to the operator's SMSC: host, port, system_id, password, window, enquire_link, reconnects, throttling.</summary>
    public SmppClientOptions Smpp { get; set; } = new();

    /// <summary>
    /// More binds, where the operator gives several (each its own account or connection, set as fully as <see cref="Smpp"/>).
    /// Replies go out on any bind that is up; with several gateways on one store each bind is open on one of them, and the
    /// binds spread over the gateways. Every gateway must list the same binds in the same order.
    /// </summary>
    public List<SmppClientOptions> AdditionalBinds { get; set; } = [];

    /// <summary><see cref="Smpp"/>, then <see cref="AdditionalBinds"/>.</summary>
    public IEnumerable<SmppClientOptions> AllBinds => [Smpp, .. AdditionalBinds];

    /// <summary>The short code or number replies come from.</summary>
    public string SourceAddress { get; set; } = "1212";

    public TypeOfNumber SourceTon { get; set; } = TypeOfNumber.NetworkSpecific;
    public NumberingPlan SourceNpi { get; set; } = NumberingPlan.Unknown;

    /// <summary>Ask the SMSC for delivery receipts (registered_delivery 1), so the outbox learns what was delivered.</summary>
    public bool RequestDeliveryReceipts { get; set; } = true;

    /// <summary>How long replies travel: UDH with 8- or 16-bit reference, SAR TLVs, or one message_payload.</summary>
    public ConcatenationMethod Concatenation { get; set; } = ConcatenationMethod.Udh8BitReference;

    /// <summary>Replies longer than this many parts are shortened at a word, deliberately.</summary>
    public int MaxParts { get; set; } = 3;

    /// <summary>Pack GSM-7 into septets (data_coding 0); most SMSCs take it unpacked over SMPP.</summary>
    public bool PackGsm7 { get; set; }

    /// <summary>Use Latin-1 (data_coding 3) where it fits and GSM-7 does not.</summary>
    public bool AllowLatin1 { get; set; }

    /// <summary>The country for numbers an SMSC sends without a country code.</summary>
    public string DefaultRegion { get; set; } = "RU";

    /// <summary>The same text from the same number within this window is one message (SMSC redeliveries); zero turns it off.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the missing parts of a concatenated message before telling the customer.</summary>
    public TimeSpan ConcatenationTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
