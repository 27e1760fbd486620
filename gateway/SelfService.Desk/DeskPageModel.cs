using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Desk;

/// <summary>What every staff page has: the reader's language and the words for it.</summary>
public abstract class DeskPageModel : PageModel
{
    public string Language => DeskLanguage.Of(HttpContext);

    public string T(string key, params (string Name, object Value)[] values) =>
        HttpContext.RequestServices.GetRequiredService<DeskTexts>().Get(key, Language, values);
}
