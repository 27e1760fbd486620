namespace SelfService.Smpp;

/// <summary>How an <see cref="SmppClient"/> binds.</summary>
public enum SmppBindMode
{
    /// <summary>One connection, bind_transceiver: submits and deliveries share it.</summary>
    Transceiver,

    /// <summary>Two connections, bind_transmitter for submits and bind_receiver for deliveries (SMSCs without transceiver support).</summary>
    TransmitterAndReceiver,
}
