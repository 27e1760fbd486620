namespace SelfService.Testing.Peers;

/// <summary>How to start the SMSC peer (tests/peers/smsc.js).</summary>
public sealed record NodeSmscOptions
{
    /// <summary>0 picks a free port on 127.0.0.1; read it back from <see cref="NodeSmsc.Port"/>.</summary>
    public int Port { get; init; }

    /// <summary>When set, binds with another system_id fail with ESME_RBINDFAIL.</summary>
    public string? SystemId { get; init; }

    /// <summary>When set, binds with another password fail with ESME_RBINDFAIL.</summary>
    public string? Password { get; init; }

    /// <summary>data_coding 0 is packed GSM 7-bit both ways, instead of one septet per octet.</summary>
    public bool GsmPacked { get; init; }

    /// <summary>The first submit_sm_resp message_id, in hex; 1A2B3C when null. Ids increment from there.</summary>
    public string? FirstMessageId { get; init; }

    /// <summary>Resend deliver_sm left unacknowledged by a dropped session when a receiver binds again.</summary>
    public bool RedeliverUnacked { get; init; } = true;

    public string NodeExecutable { get; init; } = "node";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long WaitForAsync and the commands wait when the caller gives no timeout.</summary>
    public TimeSpan EventTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
