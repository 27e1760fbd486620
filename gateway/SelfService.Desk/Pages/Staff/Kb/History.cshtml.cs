using Microsoft.AspNetCore.Mvc;
using SelfService.KnowledgeBase;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>Every version and every workflow step of an article; any old version can be restored as a new draft.</summary>
public sealed class HistoryModel(ArticleService articles) : KnowledgePageModel
{
    public Article Article { get; private set; } = null!;

    public ArticleHistory History { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Rolls back by going forward: the old text becomes the next draft, which is reviewed like any other.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(string id, int version, CancellationToken cancellationToken)
    {
        try
        {
            var before = await articles.GetAsync(id, cancellationToken);
            if (before is null) return NotFound();
            var article = await articles.RestoreVersionAsync(id, version, Actor, cancellationToken);
            if (article.Latest.Number == before.Latest.Number)
            {
                TempData["Notice"] = T("kbRestoreSame", ("version", version));
            }
            else
            {
                await AuditAsync(KnowledgeAudit.Restore, id, $"v{version} as v{article.Latest.Number}");
                TempData["Notice"] = T("kbRestored", ("version", version), ("draft", article.Latest.Number));
            }

            return RedirectToPage("/Staff/Kb/Edit", new { id });
        }
        catch (KnowledgeBaseValidationException ex)
        {
            Problem = ex.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(id, cancellationToken);
        if (article is null) return false;
        Article = article;
        History = await articles.HistoryAsync(id, cancellationToken);
        return true;
    }
}
