using System.Globalization;

namespace SelfService.ActionCodes;

/// <summary>Tells whether a customer's message is an action code, a menu choice or a free-text question.</summary>
/// <remarks>
/// Keywords are matched by <see cref="TolerantKeywordIndex{TValue}"/>: any case and spacing, look-alike letters,
/// one typo in keywords of four letters or more. The longest alias at the start of the message wins; at the same
/// length an exact match wins over a typo ("ВЫКЛЮЧИТЬ" is DEACT, not a typo of ВКЛЮЧИТЬ).
/// Immutable after construction, so one instance serves all threads.
/// </remarks>
public sealed class ActionCodeParser
{
    private const string PhoneCharacters = "+()- ";

    private readonly ActionCatalogue catalogue;
    private readonly TolerantKeywordIndex<AliasMatch> aliases;
    private readonly int longestAliasWords;

    public ActionCodeParser(ActionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        this.catalogue = catalogue;
        var entries = (
            from action in catalogue.Actions
            from language in action.Aliases
            from alias in language.Value
            select KeyValuePair.Create(alias, new AliasMatch(action, alias, language.Key))).ToList();
        aliases = new TolerantKeywordIndex<AliasMatch>(entries, AliasMatch.SameCode);
        longestAliasWords = entries.Select(entry => KeywordText.Words(entry.Key).Length).DefaultIfEmpty().Max();
    }

    /// <summary>
    /// An <see cref="ActionCodeInput"/> when the message starts with a keyword and the rest fits its
    /// <see cref="ArgumentKind"/>; otherwise a <see cref="MenuChoiceInput"/> when it is one or two digits;
    /// otherwise a <see cref="FreeTextInput"/> with the message trimmed.
    /// </summary>
    public ParsedInput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = KeywordText.Words(text);
        if (FindAlias(words) is { } found)
        {
            // A keyword followed by words it does not take ("balance on my card is wrong") is a question, not a command.
            return ToActionCode(found.Match, words[found.WordCount..]) ?? (ParsedInput)new FreeTextInput(text.Trim());
        }

        return ToMenuChoice(words) ?? (ParsedInput)new FreeTextInput(text.Trim());
    }

    private (AliasMatch Match, int WordCount)? FindAlias(string[] words)
    {
        // Longest first, typos included: "ВКЛЮЧИТЬ УСЛУГИ РОУМИНГ" is ВКЛЮЧИТЬ УСЛУГУ with a typo, not ВКЛЮЧИТЬ plus "УСЛУГИ РОУМИНГ".
        for (var count = Math.Min(words.Length, longestAliasWords); count > 0; count--)
        {
            if (aliases.TryMatchNormalized(Prefix(words, count), out var match))
            {
                return (match, count);
            }
        }

        return null;
    }

    private static string Prefix(string[] words, int count) => KeywordText.Normalize(string.Join(' ', words, 0, count));

    private ActionCodeInput? ToActionCode(AliasMatch match, string[] rest)
    {
        var kind = match.Action.Argument;
        var argument = rest.Length == 0 ? null : string.Join(' ', rest);
        if (argument is not null && !Fits(kind, argument))
        {
            return null;
        }

        // Codes, numbers and service names compare upper-case; free text keeps the customer's case.
        var shown = kind == ArgumentKind.Text ? argument : argument?.ToUpperInvariant();
        return new ActionCodeInput(match.Action.Code, shown, match.Alias, match.Language);
    }

    private bool Fits(ArgumentKind kind, string argument) => kind switch
    {
        ArgumentKind.None => false,
        // "HELP me with roaming" or "ЯЗЫК программирования" is a question, not a topic or a language to switch to.
        ArgumentKind.Language => catalogue.Vocabulary.LanguageNamed(argument) is not null,
        ArgumentKind.Topic => catalogue.TopicNamed(argument) is not null,
        // "STOP roaming" is no topic: the understanding layer reads it as the request it is.
        ArgumentKind.CampaignTopic => catalogue.CampaignTopicNamed(argument) is not null,
        ArgumentKind.Digits => argument.All(c => char.IsAsciiDigit(c) || c == ' '),
        ArgumentKind.Phone => argument.Any(char.IsAsciiDigit) && argument.All(c => char.IsAsciiDigit(c) || PhoneCharacters.Contains(c)),
        _ => true,
    };

    private static MenuChoiceInput? ToMenuChoice(string[] words)
    {
        // Longer numbers are one-time codes or account numbers; the command processor knows what it is waiting for.
        var digits = string.Concat(words);
        return digits.Length is 1 or 2 && digits.All(char.IsAsciiDigit)
            ? new MenuChoiceInput(int.Parse(digits, CultureInfo.InvariantCulture))
            : null;
    }
}
