using SelfService.Channels;
using SelfService.Messaging;

namespace SelfService.Testing.Channels;

/// <summary>
/// Stands in for the inbound pipeline: stores each message once per ChannelMessageId, as the real pipeline does (a second
/// offer of the same id is a duplicate), and can be made to fail, as a store that is down would.
/// </summary>
public sealed class RecordingInboundSink : IInboundSink
{
    private readonly Lock _gate = new();
    private readonly List<InboundMessage> _offered = [];
    private readonly List<InboundMessage> _stored = [];

    /// <summary>How many of the next accepts throw (after being counted as offered); int.MaxValue: until reset.</summary>
    public int FailNext { get; set; }

    /// <summary>Every message the adapter offered, duplicates and failed ones included.</summary>
    public IReadOnlyList<InboundMessage> Offered
    {
        get { lock (_gate) return [.. _offered]; }
    }

    /// <summary>The messages stored: one per ChannelMessageId (per redelivery window, where the message has one).</summary>
    public IReadOnlyList<InboundMessage> Stored
    {
        get { lock (_gate) return [.. _stored]; }
    }

    public Task<AcceptResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _offered.Add(message);
            if (FailNext > 0)
            {
                FailNext--;
                throw new IOException("the message store is down");
            }
            // As the inbound log does: within the message's redelivery window (if it has one) the same id is the same message.
            var existing = _stored.FindLast(m => m.Channel == message.Channel && m.ChannelMessageId == message.ChannelMessageId);
            if (existing is not null && (message.RedeliveryWindow is not { } window || message.ReceivedAt - existing.ReceivedAt <= window))
                return Task.FromResult(new AcceptResult(existing.Id, Duplicate: true));
            _stored.Add(message);
            return Task.FromResult(new AcceptResult(message.Id, Duplicate: false));
        }
    }
}
