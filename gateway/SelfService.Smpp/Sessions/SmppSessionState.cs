namespace SelfService.Smpp;

/// <summary>Where an <see cref="SmppClient"/> stands, for dashboards and health checks.</summary>
public enum SmppSessionState
{
    /// <summary>Not started, or between attempts (waiting to reconnect).</summary>
    Disconnected,
    /// <summary>Opening the TCP connection(s).</summary>
    Connecting,
    /// <summary>Connected, bind sent, waiting for the bind response.</summary>
    Binding,
    /// <summary>Bound: submits go out, deliveries come in.</summary>
    Bound,
    /// <summary>Stopping: draining outstanding requests and unbinding.</summary>
    Unbinding,
    /// <summary>Stopped for good.</summary>
    Stopped,
}
