using Microsoft.Extensions.Logging;
using SelfService.Channels.Connections;
using SelfService.Messaging;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline;

/// <summary>
/// What a connection's dead owner left (see <see cref="IOrphanRecovery"/>): its accepted, unprocessed messages are queued
/// here, and the replies it committed but had only in memory to send (stored due a minute later, see
/// <see cref="OutboxDispatcher.InMemoryLease"/>) are sent now, before the caller lets new messages in.
/// </summary>
internal sealed partial class OrphanRecovery(InboundPipeline pipeline, IInboundLog inbound, IOutbox outbox, OutboxDispatcher dispatcher, TimeProvider time,
    ILogger<OrphanRecovery> logger) : IOrphanRecovery
{
    public async Task<int> RecoverAsync(ConnectionFence takenOver, CancellationToken cancellationToken)
    {
        var messages = await pipeline.RequeueOrphansAsync(takenOver, cancellationToken);
        var now = time.GetUtcNow();
        var replies = new List<OutboxRecord>();
        foreach (var pending in await outbox.InStateAsync(OutboxState.Pending, int.MaxValue, cancellationToken))
        {
            if (pending.NextAttemptAt <= now || pending.Attempts > 0 || pending.InReplyTo is null) continue;
            // Made before this instance started: the outbox's first pass after the start sends those already (a restarted
            // single gateway takes its own bind over from its previous process, and must not send them twice).
            if (pending.CreatedAt < pipeline.StartedAt) continue;
            var question = await inbound.GetAsync(pending.InReplyTo, cancellationToken);
            if (question?.AcceptedOnLease != takenOver.Lease || question.AcceptedOnToken >= takenOver.Token) continue;
            replies.Add(pending);
        }
        // Oldest first, and all of them before anything new: a customer whose reply is among them gets it before the next.
        await dispatcher.SendNowAsync([.. replies.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)], cancellationToken);
        if (messages + replies.Count > 0) LogRecovered(takenOver.Lease, messages, replies.Count);
        return messages + replies.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over {Lease} from an owner that left work: {Messages} messages to process, {Replies} replies to send")]
    private partial void LogRecovered(string lease, int messages, int replies);
}
