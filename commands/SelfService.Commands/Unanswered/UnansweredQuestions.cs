using Microsoft.Extensions.Options;
using SelfService.ActionCodes;
using SelfService.Commands.Escalation;
using SelfService.KnowledgeBase;
using SelfService.Storage.History;

namespace SelfService.Commands.Unanswered;

/// <summary>
/// What customers asked that the knowledge base could not answer, grouped by meaning, for editors to write articles
/// about. Read from the history: messages recorded as <see cref="CommandOutcomeKind.Unanswered"/>, and the message that
/// tipped a conversation into escalation for unanswered questions (the ticket's LastQuestion), which the history records
/// as <see cref="CommandOutcomeKind.Escalated"/> instead.
/// </summary>
public sealed class UnansweredQuestions(
    IHistoryStore history, QuestionTerms terms, IKnowledgeSearch search, IOptions<KnowledgeBaseOptions> knowledgeOptions, TimeProvider time)
{
    /// <summary>The newest asks read at most: enough for any editor's list, bounded for the page.</summary>
    public const int MaxAsks = 5000;

    private static readonly string[] Outcomes = [nameof(CommandOutcomeKind.Unanswered), nameof(CommandOutcomeKind.Escalated)];

    /// <summary>Groups of the questions asked within <paramref name="window"/> up to now, most asked first.</summary>
    public async Task<IReadOnlyList<QuestionGroup>> GroupsAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var asks = (await history.InboundWithOutcomeAsync(Outcomes, time.GetUtcNow() - window, MaxAsks, cancellationToken))
            .Where(e => e.Outcome == nameof(CommandOutcomeKind.Unanswered) || e.Subject == EscalationReasons.UnansweredQuestions)
            .Select(e => new UnansweredAsk(e.Text.Trim(), TextLanguage.Detect(e.Text) ?? ArticleLanguages.Russian, e.Channel, e.At));
        return QuestionGrouping.Group(asks, terms.Of).Select(g => g with { NowAnsweredBy = AnsweringArticle(g) }).ToList();
    }

    /// <summary>An article published since may answer the group now: the editor should see that before writing another.</summary>
    private string? AnsweringArticle(QuestionGroup group)
    {
        var best = search.Search(group.TypicalWording, group.Language, 1);
        return best.Count > 0 && best[0].Score >= knowledgeOptions.Value.MinimumScore ? best[0].ArticleId : null;
    }
}
