using Microsoft.Extensions.Options;
using SelfService.Commands.Answers;
using SelfService.Commands.Escalation;
using SelfService.Commands.Texts;
using SelfService.KnowledgeBase;
using SelfService.Messaging;
using SelfService.Storage.Conversations;
using SelfService.Storage.Escalations;

namespace SelfService.Commands;

/// <summary>
/// Free text: the knowledge base answers when it is confident; otherwise the customer is told so, and after
/// <see cref="EscalationOptions.UnansweredBeforeEscalation"/> misses in a row (or on AGENT) a person takes over,
/// in the group that knows the topic. A customer facing a long wait may ask for a callback instead.
/// </summary>
internal sealed class QuestionAnswering(
    IKnowledgeSearch knowledge, IOptions<KnowledgeBaseOptions> knowledgeOptions, EscalationQueue queue,
    IOptions<EscalationOptions> escalationOptions, MsisdnNormalizer msisdns, ReplyTexts texts, ServiceDirectory services, ServiceFacts facts,
    IOptions<CommandOptions> commandOptions, TimeProvider time)
{
    /// <summary>What a choice runs when the customer picks an article an answer linked to.</summary>
    public const string ArticlePrefix = "article:";

    public async Task<HandlerResult> AnswerAsync(CommandContext context, string question, CancellationToken cancellationToken)
    {
        var best = BestMatch(context, question);
        if (best is not null && best.Score >= knowledgeOptions.Value.MinimumScore)
        {
            context.State.UnansweredInRow = 0;
            return new HandlerResult(await ArticleReplyAsync(context, best, cancellationToken), CommandOutcomeKind.Answered, best.ArticleId);
        }

        context.State.UnansweredInRow++;
        if (context.State.UnansweredInRow >= escalationOptions.Value.UnansweredBeforeEscalation)
            return await EscalateAsync(context, EscalationReasons.UnansweredQuestions, question, best, cancellationToken);
        return new HandlerResult(new Reply(texts.Get("notFound", context.Language)), CommandOutcomeKind.Unanswered);
    }

    /// <summary>An article picked from the ones an answer linked to (a digit on SMS and USSD, a button elsewhere).</summary>
    public async Task<HandlerResult> AnswerArticleAsync(CommandContext context, string articleId, CancellationToken cancellationToken)
    {
        if (knowledge.Find(articleId) is not { } article)   // retired since it was offered
            return new HandlerResult(new Reply(texts.Get("notFound", context.Language)), CommandOutcomeKind.Unanswered);
        context.State.UnansweredInRow = 0;
        return new HandlerResult(await ArticleReplyAsync(context, article, cancellationToken), CommandOutcomeKind.Answered, article.ArticleId);
    }

    /// <summary>
    /// The article in both forms, its prices and names from the service catalogue as it is now. The articles it links to
    /// are offered as choices (numbered on SMS and USSD, buttons elsewhere), and in the long form each link leads to the
    /// gateway's page of that article.
    /// </summary>
    private async Task<Reply> ArticleReplyAsync(CommandContext context, KnowledgeMatch article, CancellationToken cancellationToken)
    {
        var offers = await services.AllAsync(cancellationToken);
        var linked = ArticleLinks.Targets(article.LongAnswer).Select(knowledge.Find).OfType<KnowledgeMatch>().ToList();
        var longAnswer = ArticleLinks.Rewrite(facts.Render(article.LongAnswer, offers, article.Language),
            id => linked.Any(l => l.ArticleId == id) ? ArticleLinks.AddressFor(context.Message.Channel, id, commandOptions.Value.PublicBaseUrl) : null);
        var shortAnswer = facts.Render(article.ShortAnswer, offers, article.Language);
        if (linked.Count == 0) return new Reply(shortAnswer, longAnswer);

        var labels = linked.Select(l => facts.Render(l.Title, offers, l.Language)).ToList();
        context.State.Choices = [.. linked.Select((l, i) => new PendingChoice { Label = labels[i], Action = ArticlePrefix + l.ArticleId })];
        context.State.ChoicesExpireAt = time.GetUtcNow() + commandOptions.Value.RelatedArticlesWindow;
        return new Reply(shortAnswer, longAnswer, labels) { ChoicesHeading = texts.Get("relatedArticles", context.Language) };
    }

    public Task<HandlerResult> EscalateAsync(CommandContext context, string reason, string lastQuestion, CancellationToken cancellationToken) =>
        EscalateAsync(context, reason, lastQuestion, BestMatch(context, lastQuestion), cancellationToken);

    private async Task<HandlerResult> EscalateAsync(
        CommandContext context, string reason, string lastQuestion, KnowledgeMatch? bestMatch, CancellationToken cancellationToken)
    {
        var ticket = await OpenAsync(context, reason, lastQuestion, bestMatch, cancellationToken);
        return new HandlerResult(await PositionReplyAsync(context, ticket, cancellationToken), CommandOutcomeKind.Escalated, reason);
    }

    /// <summary>CALLBACK [number]: the open ticket (or a new one) becomes a callback task for the desk.</summary>
    public async Task<HandlerResult> CallbackAsync(CommandContext context, string? argument, string lastQuestion, CancellationToken cancellationToken)
    {
        string? number = null;
        if (argument is not null && !msisdns.TryNormalize(argument, out number))
            return new HandlerResult(new Reply(texts.Get("callbackNeedsNumber", context.Language)), CommandOutcomeKind.Invalid, ActionNames.Callback);
        number ??= context.Customer?.Msisdn ?? (context.Channel.SenderIsMsisdn ? context.Message.SenderAddress : null);
        if (number is null)
            return new HandlerResult(new Reply(texts.Get("callbackNeedsNumber", context.Language)), CommandOutcomeKind.Invalid, ActionNames.Callback);

        var open = context.State.EscalationId is { } id ? await queue.GetAsync(id, cancellationToken) : null;
        var ticket = open is { State: not EscalationState.Closed }
            ? open
            : await OpenAsync(context, EscalationReasons.Callback, lastQuestion, BestMatch(context, lastQuestion), cancellationToken);
        await queue.RequestCallbackAsync(ticket.Id, number, context.AfterCommit, cancellationToken);
        return new HandlerResult(new Reply(texts.Get("callbackBooked", context.Language, ("msisdn", IdentityLinking.Mask(number)))),
            CommandOutcomeKind.Escalated, ActionNames.Callback);
    }

    /// <summary>While the customer is with the human side: null when no ticket is open any more.</summary>
    public async Task<HandlerResult?> WhileEscalatedAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var ticket = context.State.EscalationId is { } id ? await queue.GetAsync(id, cancellationToken) : null;
        if (ticket is null || ticket.State == EscalationState.Closed)
        {
            context.State.EscalationId = null;
            return null;
        }
        context.AfterCommit.Add(() => queue.NotifyNewLine(ticket));
        return ticket.State == EscalationState.Waiting
            ? new HandlerResult(await PositionReplyAsync(context, ticket, cancellationToken), CommandOutcomeKind.ForAgent)
            : new HandlerResult(null, CommandOutcomeKind.ForAgent); // the agent answers in person
    }

    private async Task<EscalationTicket> OpenAsync(
        CommandContext context, string reason, string lastQuestion, KnowledgeMatch? bestMatch, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var ticket = await queue.EnqueueAsync(new EscalationRequest(message.Id, context.Customer?.Id, message.Channel, message.SenderAddress,
            message.SessionId, context.Language, reason, lastQuestion, TopicOf(context, bestMatch)), context.AfterCommit, cancellationToken);
        context.State.EscalationId = ticket.Id;
        context.State.UnansweredInRow = 0;
        return ticket;
    }

    /// <summary>The menu the customer was in says most; else the category the knowledge base would file the question under.</summary>
    private static string TopicOf(CommandContext context, KnowledgeMatch? bestMatch) =>
        context.State.MenuPath.Count > 0 ? "menu:" + context.State.MenuPath[^1] : bestMatch?.Category ?? "";

    private KnowledgeMatch? BestMatch(CommandContext context, string question)
    {
        var results = knowledge.Search(question, context.Language, 1);
        return results.Count > 0 ? results[0] : null;
    }

    private async Task<Reply> PositionReplyAsync(CommandContext context, EscalationTicket ticket, CancellationToken cancellationToken)
    {
        var position = ticket.State == EscalationState.Waiting ? await queue.PositionOfAsync(ticket, cancellationToken) : null;
        if (position is null) return new Reply(texts.Get("withAgent", context.Language));
        var minutes = Math.Max(1, (int)Math.Ceiling(position.EstimatedWait.TotalMinutes));
        return new Reply(texts.Get(queue.IsLongWait(position) ? "escalatedLong" : "escalated", context.Language,
            ("position", position.Position), ("minutes", minutes)));
    }
}
