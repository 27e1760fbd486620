using System.Globalization;
using System.Text.RegularExpressions;
using SelfService.ActionCodes;
using SelfService.Commands.Texts;
using SelfService.Provisioning;

namespace SelfService.Commands.Answers;

/// <summary>
/// Service facts quoted in articles through placeholders, <c>{{service:VOICEMAIL.monthlyFee}}</c>, rendered from the
/// operator's service catalogue when an answer is given, so an article cannot state another price than the one the
/// customer is charged. Fields: <c>name</c> (in the answer's language), <c>code</c> (what the customer sends: ROAMING,
/// РОУМИНГ), <c>monthlyFee</c> and <c>activationFee</c> (a price with its currency, or "free" for zero).
/// </summary>
/// <remarks>
/// The placeholders stay in the stored article (editors see where a fact comes from, and the catalogue may change any
/// day); a placeholder that names no service or field is left as written, and the sample-article test fails on it.
/// </remarks>
public sealed partial class ServiceFacts(ReplyTexts texts)
{
    public static IReadOnlyList<string> Fields { get; } = ["name", "code", "monthlyFee", "activationFee"];

    public string Render(string text, IReadOnlyList<ServiceOffer> offers, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(offers);
        if (!text.Contains("{{", StringComparison.Ordinal)) return text;
        return Placeholder().Replace(text, match =>
        {
            var offer = offers.FirstOrDefault(o => o.Code == match.Groups["code"].Value);
            return offer is null ? match.Value : Fact(offer, match.Groups["field"].Value, language) ?? match.Value;
        });
    }

    /// <summary>The placeholders in <paramref name="text"/>: service code and field, as written.</summary>
    public static IEnumerable<(string Code, string Field)> PlaceholdersIn(string text) =>
        Placeholder().Matches(text).Select(m => (m.Groups["code"].Value, m.Groups["field"].Value));

    private string? Fact(ServiceOffer offer, string field, string language) => field switch
    {
        "name" => offer.Names.GetValueOrDefault(language) ?? offer.Code,
        "code" => CodeIn(offer, language),
        "monthlyFee" => Price(offer.MonthlyFee, offer.Currency, language),
        "activationFee" => Price(offer.ActivationFee, offer.Currency, language),
        _ => null,
    };

    private string Price(decimal amount, string currency, string language)
    {
        if (amount == 0) return texts.Get("priceFree", language);
        var culture = language == TextLanguage.Russian ? CultureInfo.GetCultureInfo("ru-RU") : CultureInfo.InvariantCulture;
        var shown = amount == decimal.Truncate(amount) ? amount.ToString("0", culture) : amount.ToString("0.##", culture);
        return texts.Get("price", language, ("amount", shown), ("currency", currency));
    }

    /// <summary>What a customer writing in <paramref name="language"/> sends: a Russian alias for Russian, else the code.</summary>
    private static string CodeIn(ServiceOffer offer, string language) =>
        language == TextLanguage.Russian ? offer.Aliases.FirstOrDefault(a => TextLanguage.Detect(a) == TextLanguage.Russian) ?? offer.Code : offer.Code;

    [GeneratedRegex(@"\{\{service:(?<code>[A-Z0-9_]+)\.(?<field>[A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();
}
