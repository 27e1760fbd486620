using Microsoft.AspNetCore.Mvc;
using SelfService.KnowledgeBase;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>The articles, found by text and narrowed by state, language and category.</summary>
public sealed class IndexModel(ArticleService articles) : KnowledgePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ArticleStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = (await articles.ListAsync(null, cancellationToken))
            .Select(a => a.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Articles = (await articles.ListAsync(new ArticleFilter(Status, Blank(Lang), Blank(Category), Blank(Q)), cancellationToken))
            .OrderByDescending(a => a.Latest.SavedAt).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
