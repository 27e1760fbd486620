using Microsoft.AspNetCore.Mvc;
using SelfService.KnowledgeBase;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>Every version and every workflow step of an article; any old version can be restored as a new draft.</summary>
public sealed class HistoryModel(ArticleService articles) : KnowledgePageModel
{
    public Article Article { get; private set; } = null!;

    public ArticleHistory History { get; private set; } = null!;

    public string? Problem { get; private set; }

    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    /// <summary>Rolls back by going forward: the old text becomes the next draft, which is reviewed like any other.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(string id, int version)
    {
        try
        {
            var before = articles.Get(id);
            if (before is null) return NotFound();
            var article = articles.RestoreVersion(id, version, Actor);
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
            return Load(id) ? Page() : NotFound();
        }
    }

    private bool Load(string id)
    {
        var article = articles.Get(id);
        if (article is null) return false;
        Article = article;
        History = articles.History(id);
        return true;
    }
}
