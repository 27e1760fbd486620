using Microsoft.AspNetCore.Mvc;
using SelfService.KnowledgeBase;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>
/// What changed in a version, field by field, against the published version (or the one before it); and, for the
/// version under review, the reviewer's decision: publish, or return with a comment. Editors see the changes too but
/// not the decision, and are refused (403) if they post it anyway.
/// </summary>
public sealed class ReviewModel(ArticleService articles) : KnowledgePageModel
{
    public Article Article { get; private set; } = null!;

    /// <summary>The version whose changes are shown.</summary>
    public ArticleVersion Shown { get; private set; } = null!;

    /// <summary>What <see cref="Shown"/> is compared with; null for a first version.</summary>
    public ArticleVersion? Base { get; private set; }

    public IReadOnlyList<FieldDiff> Changes { get; private set; } = [];

    public bool MayDecide { get; private set; }

    /// <summary>Whether <see cref="Shown"/> is the submission waiting for a decision.</summary>
    public bool AwaitsDecision => Article.Status == ArticleStatus.InReview && Shown.Number == Article.Latest.Number;

    public string? Problem { get; private set; }

    [BindProperty]
    public string? Comment { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <param name="version">The version to show; the newest by default.</param>
    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken cancellationToken) =>
        await LoadAsync(id, version, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken)
    {
        if (!await MayReviewAsync()) return Forbid();
        return await DecideAsync(id, async () =>
        {
            var article = await articles.ApproveAsync(id, Actor, cancellationToken);
            await AuditAsync(KnowledgeAudit.Publish, id, $"v{article.Latest.Number}");
            Notice = T("kbPublished", ("version", article.Latest.Number));
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostReturnAsync(string id, CancellationToken cancellationToken)
    {
        if (!await MayReviewAsync()) return Forbid();
        return await DecideAsync(id, async () =>
        {
            var article = await articles.ReturnAsync(id, Actor, Comment ?? "", cancellationToken);
            await AuditAsync(KnowledgeAudit.Return, id, $"v{article.Latest.Number}: {article.ReviewComment}");
            Notice = T("kbReturned", ("version", article.Latest.Number));
        }, cancellationToken);
    }

    private async Task<IActionResult> DecideAsync(string id, Func<Task> decision, CancellationToken cancellationToken)
    {
        try
        {
            await decision();
            return RedirectToPage("/Staff/Kb/Review", new { id });
        }
        catch (KnowledgeBaseValidationException ex)
        {
            // The workflow's reason, e.g. a reviewer publishing their own text: shown, nothing changed.
            Problem = ex.Message;
            return await LoadAsync(id, null, cancellationToken) ? Page() : NotFound();
        }
        catch (ArticleNotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(string id, int? version, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(id, cancellationToken);
        if (article is null) return false;
        var versions = (await articles.HistoryAsync(id, cancellationToken)).Versions;
        var shown = version is null ? article.Latest : versions.FirstOrDefault(v => v.Number == version);
        if (shown is null) return false;

        Article = article;
        Shown = shown;
        Base = shown.Number == article.Latest.Number && article.Live is { } live && live.Number != shown.Number
            ? live
            : versions.LastOrDefault(v => v.Number < shown.Number);
        Changes = ArticleDiff.Compare(Base?.Content, shown.Content);
        MayDecide = await MayReviewAsync();
        return true;
    }
}
