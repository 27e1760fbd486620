using SelfService.ActionCodes;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>
/// Bot commands ("/balance", "/help", "/menu", "/agent", "/act roaming") become the catalogue's keywords in the user's
/// language, so the command processor runs them as if typed ("БАЛ" for a Russian user, "BAL" otherwise: the keyword's
/// alphabet also tells the processor which language to answer in). A command matches an action's code or any of its
/// aliases; text that is no known command passes through unchanged.
/// </summary>
public sealed class BotCommandMapper(ActionCatalogue catalogue)
{
    /// <summary>
    /// Telegram sends /start when a user opens the bot. It greets with the processor's help (the catalogue's START means
    /// "receive campaigns again", which a first contact should not silently do).
    /// </summary>
    private const string StartCode = "HELP";

    public string Map(string text, string language)
    {
        if (text.Length < 2 || text[0] != '/') return text;
        var end = text.AsSpan().IndexOfAny(' ', '\n');
        var command = end < 0 ? text[1..] : text[1..end];
        var argument = end < 0 ? "" : text[end..].Trim();
        var at = command.IndexOf('@', StringComparison.Ordinal);   // "/balance@NorthernTelecomBot", as group chats send it
        if (at >= 0) command = command[..at];

        var isStart = command.Equals("start", StringComparison.OrdinalIgnoreCase);
        var action = isStart ? Find(StartCode) : Find(command);
        if (action is null) return text;
        var keyword = KeywordOf(action, language);
        // /start's argument is a deep-link payload, not something the customer wrote.
        return isStart || argument.Length == 0 ? keyword : keyword + " " + argument;
    }

    private ActionDefinition? Find(string word) =>
        catalogue.Actions.FirstOrDefault(a => a.Code.Equals(word, StringComparison.OrdinalIgnoreCase)
            || a.Aliases.Values.Any(aliases => aliases.Any(alias => alias.Equals(word, StringComparison.OrdinalIgnoreCase))));

    private static string KeywordOf(ActionDefinition action, string language) =>
        action.Aliases.TryGetValue(language, out var aliases) && aliases.Count > 0 ? aliases[0]
        : action.Aliases.TryGetValue(TelegramTexts.English, out var english) && english.Count > 0 ? english[0]
        : action.Code;
}
