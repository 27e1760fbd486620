using System.Reflection;
using System.Text.Json;

namespace SelfService.Desk;

/// <summary>The staff pages' words in Russian and English, from Texts/desk.json (embedded).</summary>
public sealed class DeskTexts
{
    public static IReadOnlyList<string> Languages { get; } = ["ru", "en"];

    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public DeskTexts()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SelfService.Desk.desk.json")
            ?? throw new InvalidOperationException("Texts/desk.json is not embedded");
        _texts = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("Texts/desk.json is empty");
    }

    /// <summary>The text for <paramref name="key"/>, with {name} placeholders filled; the key itself when missing, so a gap shows.</summary>
    public string Get(string key, string language, params (string Name, object Value)[] values)
    {
        if (!_texts.TryGetValue(key, out var byLanguage)) return key;
        var text = byLanguage.GetValueOrDefault(language) ?? byLanguage.GetValueOrDefault("ru") ?? key;
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return text;
    }
}
