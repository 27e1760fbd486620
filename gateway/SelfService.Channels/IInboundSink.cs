using SelfService.Messaging;

namespace SelfService.Channels;

/// <summary>Where adapters hand inbound messages. Accepting persists the message; only then may the adapter acknowledge.</summary>
public interface IInboundSink
{
    Task<AcceptResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken);
}

/// <summary>The message is stored under <paramref name="MessageId"/>; <paramref name="Duplicate"/> when the channel had delivered it before.</summary>
public sealed record AcceptResult(string MessageId, bool Duplicate);
