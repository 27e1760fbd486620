namespace SelfService.Channels.Ussd;

/// <summary>One way USSD reaches the gateway (the aggregator's HTTP callback, an SMPP bind). The transport a customer's
/// input came through carries the reply back, while the session lasts.</summary>
internal interface IUssdTransport
{
    /// <summary>True when the reply answers an input that came through this transport and is still waiting for it.</summary>
    bool Carries(OutboundMessage reply);

    Task<SendResult> SendAsync(OutboundMessage reply, CancellationToken cancellationToken);
}
