using Microsoft.AspNetCore.Mvc;
using SelfService.Channels;
using SelfService.KnowledgeBase;
using SelfService.Messaging;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>
/// Writing an article: a new one, or the next version of an existing one; saved as a draft or sent to review.
/// The channel preview beside the form is rendered here first and then refreshed by <see cref="PreviewModel"/> as the editor types.
/// </summary>
public sealed class EditModel(ArticleService articles, IEnumerable<IChannelAdapter> adapters) : KnowledgePageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public Article? Article { get; private set; }

    public ChannelPreview Preview { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The form cannot change the article now (in review or retired); the page says why and where to go.</summary>
    public bool Locked => Article?.Status is ArticleStatus.InReview or ArticleStatus.Retired;

    /// <param name="language">For a new article: its language (the reader's by default).</param>
    /// <param name="question">For a new article: questions customers asked, to start from (the unanswered questions page links here with them).</param>
    public async Task<IActionResult> OnGetAsync(string? id, string? language, string[]? question, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            Article = await articles.GetAsync(id, cancellationToken);
            if (Article is null) return NotFound();
            Form = ArticleForm.From(Article);
        }
        else
        {
            Form = ArticleForm.ForQuestions(language ?? Language, question ?? []);
        }

        Preview = PreviewOf(Form, adapters);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string? id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(string? id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    internal static ChannelPreview PreviewOf(ArticleForm form, IEnumerable<IChannelAdapter> adapters) =>
        new(form.Title ?? "", (form.ShortAnswer ?? "").Trim(), (form.LongAnswer ?? "").Trim(),
            adapters.FirstOrDefault(a => a.Profile.Name == ChannelNames.Sms)?.Profile.MaxSmsParts);

    private async Task<IActionResult> SaveAsync(string? id, bool submit, CancellationToken cancellationToken)
    {
        try
        {
            var saved = id is null ? await CreateAsync(cancellationToken) : await UpdateAsync(id, cancellationToken);
            if (saved is null) return NotFound();
            if (submit)
            {
                saved = await articles.SubmitAsync(saved.Id, Actor, cancellationToken);
                await AuditAsync(KnowledgeAudit.Submit, saved.Id, $"v{saved.Latest.Number}");
            }

            Notice = T(submit ? "kbSubmitted" : "kbSaved", ("version", saved.Latest.Number));
            return RedirectToPage("/Staff/Kb/Edit", new { id = saved.Id });
        }
        catch (KnowledgeBaseValidationException ex)
        {
            Problems = ex.Errors;
            Article = id is null ? null : await articles.GetAsync(id, cancellationToken);
            Preview = PreviewOf(Form, adapters);
            return Page();
        }
    }

    private async Task<Article> CreateAsync(CancellationToken cancellationToken)
    {
        var article = await articles.CreateDraftAsync(Form.ToContent(), Actor, string.IsNullOrWhiteSpace(Form.Id) ? null : Form.Id.Trim(), cancellationToken);
        await AuditAsync(KnowledgeAudit.Create, article.Id, "v1");
        return article;
    }

    private async Task<Article?> UpdateAsync(string id, CancellationToken cancellationToken)
    {
        var before = await articles.GetAsync(id, cancellationToken);
        if (before is null) return null;
        var after = await articles.EditDraftAsync(id, Form.ToContent() with { Language = before.Language }, Actor, cancellationToken);
        if (after.Latest.Number != before.Latest.Number) await AuditAsync(KnowledgeAudit.Edit, id, $"v{after.Latest.Number}");
        return after;
    }
}
