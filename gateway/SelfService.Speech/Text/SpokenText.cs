using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfService.Speech.Text;

/// <summary>
/// Turns what the gateway says in writing into what it should say aloud, in Russian or English: numbers and money in
/// words with the right Russian forms ("123.45 RUB" → "сто двадцать три рубля сорок пять копеек"), menus as "press 1
/// for …", and short written answers (links, markup and long digit strings) made speakable.
/// </summary>
public static partial class SpokenText
{
    private static readonly Dictionary<string, Currency> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RUB"] = new(new("рубль", "рубля", "рублей", GrammaticalGender.Masculine), new("копейка", "копейки", "копеек", GrammaticalGender.Feminine),
            new("rouble", "roubles"), new("kopeck", "kopecks")),
        ["USD"] = new(new("доллар", "доллара", "долларов", GrammaticalGender.Masculine), new("цент", "цента", "центов", GrammaticalGender.Masculine),
            new("dollar", "dollars"), new("cent", "cents")),
        ["EUR"] = new(new("евро", "евро", "евро", GrammaticalGender.Masculine), new("цент", "цента", "центов", GrammaticalGender.Masculine),
            new("euro", "euros"), new("cent", "cents")),
    };

    private static readonly Dictionary<string, string> CurrencySymbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RUB"] = "RUB", ["RUR"] = "RUB", ["руб"] = "RUB", ["₽"] = "RUB",
        ["USD"] = "USD", ["$"] = "USD", ["EUR"] = "EUR", ["€"] = "EUR",
    };

    /// <summary>A whole number in words: Russian agrees with <paramref name="gender"/> (одна, две), English ignores it.</summary>
    public static string Number(long number, string language, GrammaticalGender gender = GrammaticalGender.Masculine) =>
        IsRussian(language) ? RussianNumbers.Words(number, gender) : EnglishNumbers.Words(number);

    /// <summary>
    /// An amount of money in words, rounded to the minor unit; the minor part is left out when it is zero.
    /// RUB, USD and EUR have their names; any other code is read after the number ("… point four five XYZ").
    /// </summary>
    public static string Money(decimal amount, string currency, string language)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var russian = IsRussian(language);
        var rounded = Math.Round(Math.Abs(amount), 2, MidpointRounding.AwayFromZero);
        var whole = (long)decimal.Truncate(rounded);
        var minor = (long)((rounded - whole) * 100);
        var sign = amount < 0 && rounded != 0 ? (russian ? "минус " : "minus ") : "";

        if (!Currencies.TryGetValue(currency.Trim(), out var known))
        {
            var number = Number(whole, language);
            if (minor != 0) number += (russian ? " запятая " : " point ") + Number(minor / 10, language) + " " + Number(minor % 10, language);
            return sign + number + " " + currency.Trim();
        }

        if (russian)
        {
            var text = Amount(whole, known.RussianMajor);
            return sign + (minor == 0 ? text : text + " " + Amount(minor, known.RussianMinor));
        }
        var english = EnglishNumbers.Words(whole) + " " + EnglishNumbers.Plural(whole, known.EnglishMajor.One, known.EnglishMajor.Many);
        if (minor != 0) english += " and " + EnglishNumbers.Words(minor) + " " + EnglishNumbers.Plural(minor, known.EnglishMinor.One, known.EnglishMinor.Many);
        return sign + english;

        static string Amount(long count, RussianNoun noun) =>
            RussianNumbers.Words(count, noun.Gender) + " " + RussianNumbers.Plural(count, noun.One, noun.Few, noun.Many);
    }

    /// <summary>
    /// A wait in words, in whole minutes rounded up ("пять минут", "one hour and twenty minutes"); under a minute is
    /// "меньше минуты" / "less than a minute".
    /// </summary>
    public static string Duration(TimeSpan duration, string language)
    {
        var russian = IsRussian(language);
        if (duration < TimeSpan.FromMinutes(1)) return russian ? "меньше минуты" : "less than a minute";
        var totalMinutes = (long)Math.Ceiling(duration.TotalMinutes);
        var (hours, minutes) = (totalMinutes / 60, totalMinutes % 60);
        var parts = new List<string>();
        if (russian)
        {
            if (hours > 0) parts.Add(RussianNumbers.Words(hours) + " " + RussianNumbers.Plural(hours, "час", "часа", "часов"));
            if (minutes > 0) parts.Add(RussianNumbers.Words(minutes, GrammaticalGender.Feminine) + " " + RussianNumbers.Plural(minutes, "минута", "минуты", "минут"));
            return string.Join(' ', parts);
        }
        if (hours > 0) parts.Add(EnglishNumbers.Words(hours) + " " + EnglishNumbers.Plural(hours, "hour", "hours"));
        if (minutes > 0) parts.Add(EnglishNumbers.Words(minutes) + " " + EnglishNumbers.Plural(minutes, "minute", "minutes"));
        return string.Join(" and ", parts);
    }

    /// <summary>A caller's place in the escalation queue and the expected wait, as one or two sentences.</summary>
    public static string QueuePosition(int position, TimeSpan? expectedWait, string language)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        var russian = IsRussian(language);
        var place = russian ? $"Ваш номер в очереди: {RussianNumbers.Words(position)}." : $"You are number {EnglishNumbers.Words(position)} in the queue.";
        if (expectedWait is not { } wait) return place;
        return place + (russian ? $" Примерное время ожидания: {Duration(wait, language)}." : $" The expected wait is {Duration(wait, language)}.");
    }

    /// <summary>The name of a phone key as said after "press" / "нажмите" (нажмите звёздочку, press hash).</summary>
    public static string Key(char key, string language) => (key, IsRussian(language)) switch
    {
        (>= '0' and <= '9', _) => Number(key - '0', language),
        ('*', true) => "звёздочку",
        ('*', false) => "star",
        ('#', true) => "решётку",
        ('#', false) => "hash",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "a phone key is 0–9, * or #"),
    };

    /// <summary>
    /// A menu read aloud: the title, then one sentence per choice ("Баланс — нажмите один." / "For Balance, press one.").
    /// </summary>
    public static string Menu(string? title, IEnumerable<MenuChoice> choices, string language)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var russian = IsRussian(language);
        var sentences = new List<string>();
        if (!string.IsNullOrWhiteSpace(title)) sentences.Add(Sentence(title));
        foreach (var choice in choices)
        {
            var label = choice.Label.Trim().TrimEnd('.', '!', '?', ':', ';');
            sentences.Add(russian ? $"{label} — нажмите {Key(choice.Key, language)}." : $"For {label}, press {Key(choice.Key, language)}.");
        }
        return string.Join(' ', sentences);
    }

    /// <summary>A menu whose items are picked by 1, 2, 3… in order, as USSD menus are (menus.json items' labels).</summary>
    public static string Menu(string? title, IEnumerable<string> labels, string language)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var choices = labels.Select((label, index) => index < 9
            ? new MenuChoice((char)('1' + index), label)
            : throw new ArgumentException("a phone menu has at most nine numbered items", nameof(labels)));
        return Menu(title, choices.ToList(), language);
    }

    /// <summary>
    /// A written answer made speakable: links and markdown markup dropped (a caller cannot click), amounts of money in
    /// words, percentages with their noun, and digit strings of seven or more (phone and account numbers) read digit by
    /// digit. Other numbers are left for espeak-ng, which reads them well.
    /// </summary>
    public static string Answer(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var russian = IsRussian(language);
        var spoken = MarkdownLink().Replace(text, "${text}");
        spoken = Url().Replace(spoken, "");
        // Service codes before markup, whose stars they share: *100# is "звёздочка сто решётка".
        spoken = ServiceCode().Replace(spoken, match => string.Join(' ', ServiceCodeParts().Matches(match.Value).Select(part => part.Value switch
        {
            "*" => russian ? "звёздочка" : "star",
            "#" => russian ? "решётка" : "hash",
            var digits => digits,
        })));
        spoken = Emphasis().Replace(spoken, "${text}");
        spoken = Markup().Replace(spoken, "");
        spoken = MoneyAmount().Replace(spoken, match =>
        {
            var number = decimal.Parse(match.Groups["whole"].Value + "." + (match.Groups["minor"].Success ? match.Groups["minor"].Value : "0"), CultureInfo.InvariantCulture);
            if (match.Groups["sign"].Success) number = -number;
            return Money(number, CurrencySymbols[match.Groups["currency"].Value], language);
        });
        spoken = Percent().Replace(spoken, match =>
        {
            var count = long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
            return russian
                ? RussianNumbers.Words(count) + " " + RussianNumbers.Plural(count, "процент", "процента", "процентов")
                : EnglishNumbers.Words(count) + " per cent";
        });
        spoken = LongDigits().Replace(spoken, match => string.Join(' ', match.Value.Select(digit => Number(digit - '0', language))));
        return WhiteSpace().Replace(spoken, " ").Trim();
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }

    private static bool IsRussian(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)\s]+\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\*[\d*]*\d[\d*]*#")]
    private static partial Regex ServiceCode();

    [GeneratedRegex(@"\d+|[*#]")]
    private static partial Regex ServiceCodeParts();

    [GeneratedRegex(@"(?<![\w*])(\*\*|\*|__)(?<text>\S(?:.*?\S)?)\1(?![\w*])")]
    private static partial Regex Emphasis();

    // Code spans, and headings or quotes at the start of a line.
    [GeneratedRegex(@"`+|^[ \t]*[#>]+[ \t]*", RegexOptions.Multiline)]
    private static partial Regex Markup();

    // 350.00 RUB (English replies), 350,00 RUB (Russian replies), -12 руб. (its dot stays: it may end the sentence), 5 ₽.
    [GeneratedRegex(@"(?<![\d.,])(?<sign>[-−])?(?<whole>\d{1,15})(?:[.,](?<minor>\d{1,2}))?(?!\d)\s?(?<currency>RUB|RUR|USD|EUR|руб|₽|€)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyAmount();

    [GeneratedRegex(@"(?<![\d.,])(?<count>\d{1,9})\s?%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex LongDigits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private sealed record RussianNoun(string One, string Few, string Many, GrammaticalGender Gender);

    private sealed record EnglishNoun(string One, string Many);

    private sealed record Currency(RussianNoun RussianMajor, RussianNoun RussianMinor, EnglishNoun EnglishMajor, EnglishNoun EnglishMinor);
}
