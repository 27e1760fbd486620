using Microsoft.AspNetCore.Mvc;
using SelfService.Commands.Unanswered;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>Questions customers asked that got no answer, grouped by meaning: what to write next.</summary>
public sealed class UnansweredModel(UnansweredQuestions unanswered) : KnowledgePageModel
{
    public static readonly int[] Periods = [1, 7, 30, 90, 365];

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    public IReadOnlyList<QuestionGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Periods.Contains(Days)) Days = 30;
        Groups = await unanswered.GroupsAsync(TimeSpan.FromDays(Days), cancellationToken);
    }

    /// <summary>The editor, opened on a new article in the group's language with the group's wordings as its questions.</summary>
    public static string CreateArticleLink(QuestionGroup group) =>
        "/staff/kb/edit?language=" + Uri.EscapeDataString(group.Language)
        + string.Concat(group.Wordings.Take(10).Select(w => "&question=" + Uri.EscapeDataString(w)));
}
