using System.ComponentModel.DataAnnotations;

namespace SelfService.Smpp;

/// <summary>Everything an <see cref="SmppClient"/> needs to reach and use one SMSC account.</summary>
public sealed class SmppClientOptions
{
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 2775;

    /// <summary>system_id, at most 15 characters.</summary>
    [Required, StringLength(15)]
    public string SystemId { get; set; } = string.Empty;

    /// <summary>password, at most 8 characters.</summary>
    [StringLength(8)]
    public string Password { get; set; } = string.Empty;

    /// <summary>system_type, at most 12 characters.</summary>
    [StringLength(12)]
    public string SystemType { get; set; } = string.Empty;

    public SmppBindMode BindMode { get; set; } = SmppBindMode.Transceiver;

    public TypeOfNumber AddressTon { get; set; }

    public NumberingPlan AddressNpi { get; set; }

    /// <summary>address_range of the bind, at most 40 characters.</summary>
    [StringLength(40)]
    public string AddressRange { get; set; } = string.Empty;

    /// <summary>Requests outstanding at once per connection. Throughput ≈ window ÷ SMSC response time.</summary>
    [Range(1, 10_000)]
    public int WindowSize { get; set; } = 10;

    /// <summary>
    /// deliver_sm and data_sm the application may be handling at once. Beyond it the SMSC's message is answered
    /// ESME_RX_T_APPN ("temporary application error": deliver it again later) at once, so an SMSC that sends faster than
    /// the application persists meets refusals it retries, never a heap that grows.
    /// </summary>
    [Range(1, 100_000)]
    public int InboundWindow { get; set; } = 256;

    /// <summary>How long a request waits for its response before it leaves the window and fails.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Send enquire_link after this long without receiving anything; no answer within <see cref="ResponseTimeout"/>
    /// means the connection is dead. Zero turns it off.</summary>
    public TimeSpan EnquireLinkInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most submit_sm / data_sm per second the client sends, spread evenly; 0 for no limit.</summary>
    [Range(0, 1_000_000)]
    public int MaxSubmitsPerSecond { get; set; }

    /// <summary>The first reconnect delay; it doubles with each failed attempt up to <see cref="ReconnectMaxDelay"/>. Each
    /// delay is drawn between half and all of that value, so that many clients do not reconnect in step.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a submit answered Throttled (0x58) or MessageQueueFull (0x14) waits before it is sent again;
    /// it doubles with each further refusal up to <see cref="ThrottledBackoffMax"/>.</summary>
    public TimeSpan ThrottledBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ThrottledBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a throttled submit is sent again before <see cref="SmppCommandException"/> is thrown.</summary>
    [Range(0, 1000)]
    public int MaxThrottledRetries { get; set; } = 5;

    /// <summary>How long a submit waits for the session to be bound before it fails with <see cref="SmppConnectionException"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits as long as the caller's token allows.</summary>
    public TimeSpan BindWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest PDU accepted from the SMSC; a larger command_length means framing is lost.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxPduLength { get; set; } = PduCodec.DefaultMaxPduLength;

    /// <summary>Checks what attributes cannot; throws <see cref="ArgumentException"/> with every problem found.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
            problems.AddRange(results.Select(r => r.ErrorMessage ?? "invalid"));
        if (ResponseTimeout <= TimeSpan.Zero) problems.Add("ResponseTimeout must be positive");
        if (EnquireLinkInterval < TimeSpan.Zero) problems.Add("EnquireLinkInterval must not be negative");
        if (ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay) problems.Add("0 < ReconnectMinDelay <= ReconnectMaxDelay");
        if (ThrottledBackoff <= TimeSpan.Zero || ThrottledBackoffMax < ThrottledBackoff) problems.Add("0 < ThrottledBackoff <= ThrottledBackoffMax");
        if (BindWaitTimeout <= TimeSpan.Zero && BindWaitTimeout != Timeout.InfiniteTimeSpan) problems.Add("BindWaitTimeout must be positive or infinite");
        if (problems.Count > 0) throw new ArgumentException("Invalid SMPP client options: " + string.Join("; ", problems));
    }
}
