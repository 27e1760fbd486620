namespace SelfService.Smpp;

/// <summary>What a connection is bound as (SMPP v3.4 section 2.2).</summary>
public enum SmppBindType
{
    /// <summary>bind_transmitter: the ESME submits.</summary>
    Transmitter,
    /// <summary>bind_receiver: the SMSC delivers.</summary>
    Receiver,
    /// <summary>bind_transceiver: both.</summary>
    Transceiver,
}
