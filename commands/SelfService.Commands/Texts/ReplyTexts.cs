using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SelfService.Commands.Texts;

/// <summary>
/// The gateway's own phrases in Russian and English (replies.json, embedded). Placeholders are {name};
/// an unknown language falls back to Russian, the operator's first language.
/// </summary>
public sealed class ReplyTexts
{
    public const string DefaultLanguage = "ru";
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    private ReplyTexts(Dictionary<string, Dictionary<string, string>> texts) => _texts = texts;

    public static ReplyTexts LoadDefault()
    {
        using var stream = typeof(ReplyTexts).Assembly.GetManifestResourceStream("SelfService.Commands.Texts.replies.json")
            ?? throw new InvalidOperationException("replies.json is not embedded in SelfService.Commands.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("replies.json is empty.");
        return new ReplyTexts(texts);
    }

    public string Get(string key, string language, params (string Name, object Value)[] values)
    {
        if (!_texts.TryGetValue(key, out var byLanguage)) throw new KeyNotFoundException($"No reply text '{key}'.");
        var template = byLanguage.GetValueOrDefault(language) ?? byLanguage[DefaultLanguage];
        if (values.Length == 0) return template;
        var text = new StringBuilder(template);
        foreach (var (name, value) in values) text.Replace("{" + name + "}", Format(value, language));
        return text.ToString();
    }

    private static string Format(object value, string language) => value switch
    {
        decimal money => money.ToString("0.00", CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "ru-RU")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
