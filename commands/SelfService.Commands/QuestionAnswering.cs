using Microsoft.Extensions.Options;
using SelfService.Channels;
using SelfService.Commands.Escalation;
using SelfService.Commands.Texts;
using SelfService.KnowledgeBase;

namespace SelfService.Commands;

/// <summary>
/// Free text: the knowledge base answers when it is confident; otherwise the customer is told so, and after
/// <see cref="EscalationOptions.UnansweredBeforeEscalation"/> misses in a row (or on AGENT) a person takes over.
/// </summary>
internal sealed class QuestionAnswering(
    IKnowledgeSearch knowledge, IOptions<KnowledgeBaseOptions> knowledgeOptions, EscalationQueue queue,
    IOptions<EscalationOptions> escalationOptions, ReplyTexts texts)
{
    public HandlerResult Answer(CommandContext context, string question)
    {
        var results = knowledge.Search(question, context.Language, 1);
        var best = results.Count > 0 ? results[0] : null;
        if (best is not null && best.Score >= knowledgeOptions.Value.MinimumScore)
        {
            context.State.UnansweredInRow = 0;
            return new HandlerResult(new Reply(best.ShortAnswer, best.LongAnswer), CommandOutcomeKind.Answered, best.ArticleId);
        }

        context.State.UnansweredInRow++;
        if (context.State.UnansweredInRow >= escalationOptions.Value.UnansweredBeforeEscalation)
            return Escalate(context, EscalationReasons.UnansweredQuestions, question);
        return new HandlerResult(new Reply(texts.Get("notFound", context.Language)), CommandOutcomeKind.Unanswered);
    }

    public HandlerResult Escalate(CommandContext context, string reason, string lastQuestion)
    {
        var message = context.Message;
        var ticket = queue.Enqueue(message.Id, context.Customer?.Id, message.Channel, message.SenderAddress, message.SessionId,
            context.Language, reason, lastQuestion);
        context.State.EscalationId = ticket.Id;
        context.State.UnansweredInRow = 0;
        return new HandlerResult(PositionReply(context, ticket.Id), CommandOutcomeKind.Escalated, reason);
    }

    /// <summary>While the customer is with the human side: null when no ticket is open any more.</summary>
    public HandlerResult? WhileEscalated(CommandContext context)
    {
        var ticket = context.State.EscalationId is { } id ? queue.Get(id) : null;
        if (ticket is null || ticket.State == EscalationState.Closed)
        {
            context.State.EscalationId = null;
            return null;
        }
        return ticket.State == EscalationState.Waiting
            ? new HandlerResult(PositionReply(context, ticket.Id), CommandOutcomeKind.ForAgent)
            : new HandlerResult(null, CommandOutcomeKind.ForAgent); // the agent answers in person
    }

    private Reply PositionReply(CommandContext context, string ticketId)
    {
        var position = queue.PositionOf(ticketId);
        if (position is null) return new Reply(texts.Get("withAgent", context.Language));
        var minutes = Math.Max(1, (int)Math.Ceiling(position.EstimatedWait.TotalMinutes));
        return new Reply(texts.Get("escalated", context.Language, ("position", position.Position), ("minutes", minutes)));
    }
}
