using SelfService.Channels;
using SelfService.Commands.Escalation;
using SelfService.Messaging;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.Messages;

namespace SelfService.Pipeline;

/// <summary>
/// An agent's reply, sent through the customer's own channel: on SMS as one concatenated message of up to
/// <see cref="MaxSmsParts"/> parts (split into more messages only beyond that), threaded to the customer's last message
/// (email's In-Reply-To), and written into the customer's history.
/// USSD sessions cannot wait for a person, so replies to a USSD customer go by SMS to the same number; a telephone caller
/// is called back (the voice channel's way of delivering).
/// </summary>
public sealed class AgentReplies(
    IOutbox store, ChannelRegistry channels, IHistoryStore history, EscalationQueue queue, OutboxDispatcher outbox, TimeProvider time)
{
    public async Task<AgentReplyResult> SendAsync(string ticketId, string agent, string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0) return AgentReplyResult.Refused("The reply is empty.");
        var ticket = await queue.GetAsync(ticketId, cancellationToken);
        if (ticket is null) return AgentReplyResult.Refused("No such conversation.");
        if (ticket.State != EscalationState.Taken || ticket.Agent != agent)
            return AgentReplyResult.Refused("Take the conversation first: another agent holds it, or it is not taken.");

        var channel = ticket.Channel == ChannelNames.Ussd ? ChannelNames.Sms : ticket.Channel;
        var profile = channels.ProfileOf(channel);
        // Long-form channels take the reply whole; so does a telephone caller, to whom it is read in one call back.
        var messages = profile.ReplyForm is ReplyForm.Long or ReplyForm.Voice ? [text] : ReplySizer.Split(text, MaxSmsParts, profile.Measure, profile.PartsOf);
        var lastInbound = (await history.ForIdentityAsync(ticket.Channel, ticket.Address, 50, cancellationToken)).LastOrDefault(e => e.Kind == HistoryKind.Inbound);
        var now = time.GetUtcNow();
        var replyId = "agent:" + Guid.CreateVersion7(now).ToString("N");

        List<OutboxRecord> records = [.. messages.Select((part, i) => new OutboxRecord
        {
            Id = replyId + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Channel = channel, Address = ticket.Address,
            SessionId = ticket.SessionId, Text = part, InReplyTo = lastInbound?.MessageId, CustomerId = ticket.CustomerId,
            State = OutboxState.Pending, CreatedAt = now, NextAttemptAt = now + OutboxDispatcher.InMemoryLease,
        })];
        HistoryEntry line = new()
        {
            Id = replyId, CustomerId = ticket.CustomerId, Channel = ticket.Channel, Address = ticket.Address, Kind = HistoryKind.Outbound,
            Text = text, Outcome = AgentOutcome, Subject = agent, MessageId = lastInbound?.MessageId, At = now,
        };
        await store.EnqueueAsync(records, [line], cancellationToken);
        outbox.Send(records);
        queue.NotifyNewLine(ticket);
        return new AgentReplyResult(true, null, messages.Count);
    }

    /// <summary>
    /// A person's words are not cut to the bot's reply limit (Channels:Sms:MaxParts), but one SMS of more than ten
    /// parts is costly and some handsets drop it; longer replies go as several messages.
    /// </summary>
    public const int MaxSmsParts = 10;

    /// <summary>The history outcome that marks a line a person wrote.</summary>
    public const string AgentOutcome = "Agent";
}

public sealed record AgentReplyResult(bool Sent, string? Problem, int Messages)
{
    public static AgentReplyResult Refused(string problem) => new(false, problem, 0);
}
