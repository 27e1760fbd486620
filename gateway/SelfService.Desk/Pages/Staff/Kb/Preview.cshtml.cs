using Microsoft.AspNetCore.Mvc;
using SelfService.Channels;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>
/// The channel preview for the editor's unsaved form, posted as the editor types (with the form's antiforgery token).
/// It answers with the same partial the editor page renders first, so counting and wording live in one place.
/// </summary>
public sealed class PreviewModel(IEnumerable<IChannelAdapter> adapters) : KnowledgePageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public IActionResult OnPost() => Partial("_ChannelPreview", EditModel.PreviewOf(Form, adapters));
}
