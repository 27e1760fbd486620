using SelfService.ActionCodes;
using SelfService.Messaging;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Storage.Conversations;

namespace SelfService.Commands;

/// <summary>
/// HELP that fits the channel. The long form (web, email, Telegram) lists every command; the short form (SMS, USSD) is
/// the numbered list of the catalogue's help topics, and HELP &lt;topic&gt; (or the topic's number) lists that topic's
/// commands. A list cut by the channel in the middle hides the commands at its end, so the short form never lists them all.
/// </summary>
internal sealed class HelpReplies(ActionCatalogue catalogue, ReplyTexts texts, AccessPolicy policy, TimeProvider time)
{
    public HandlerResult Show(CommandContext context, string? topicName)
    {
        var language = context.Language;
        var everything = texts.Get("help", language, ("commands", Commands(catalogue.Actions, language)));
        if (catalogue.HelpTopics.Count == 0) return Executed(new Reply(everything));

        if (topicName is not null && catalogue.TopicNamed(topicName) is { } topic)
        {
            var listed = catalogue.Actions.Where(a => a.Topic == topic.Code).ToList();
            return Executed(new Reply(texts.Get("helpTopic", language, ("topic", NameOf(topic, language)), ("commands", Commands(listed, language)))));
        }

        // Long-form channels show the whole list, and their own buttons (Telegram's share-contact keyboard) stay.
        if (context.Channel.ReplyForm == ReplyForm.Long) return Executed(new Reply(everything));

        // The topics are offered like menu items: a digit or the name picks one.
        var labels = catalogue.HelpTopics.Select(t => NameOf(t, language) + " - " + t.Titles.GetValueOrDefault(language, "")).ToList();
        context.State.Choices = [.. catalogue.HelpTopics.Select((t, i) => new PendingChoice { Label = labels[i], Action = ActionNames.Help + " " + t.Code })];
        context.State.ChoicesExpireAt = time.GetUtcNow() + policy.Options.ConfirmationWindow;
        var title = texts.Get("helpTopics", language, ("example", Keyword(language) + " " + NameOf(catalogue.HelpTopics[0], language)));
        // SMS has room for what each topic holds; a USSD string (80 UCS-2 characters) only for the names.
        var lines = context.Channel.ReplyForm == ReplyForm.Ussd ? catalogue.HelpTopics.Select(t => NameOf(t, language)).ToList() : labels;
        var numbered = title + "\n" + string.Join("\n", lines.Select((line, i) => $"{i + 1}.{line}"));
        return Executed(new Reply(numbered, null, labels, ShortListsChoices: true));
    }

    private static HandlerResult Executed(Reply reply) => new(reply, CommandOutcomeKind.Executed, ActionNames.Help);

    private static string Commands(IEnumerable<ActionDefinition> actions, string language) =>
        string.Join("; ", actions.Select(a => a.Descriptions.GetValueOrDefault(language)).Where(d => !string.IsNullOrEmpty(d)));

    private static string NameOf(HelpTopic topic, string language) => topic.Names.GetValueOrDefault(language)?.FirstOrDefault() ?? topic.Code;

    private string Keyword(string language) =>
        catalogue.Actions.FirstOrDefault(a => a.Code == ActionNames.Help)?.Aliases.GetValueOrDefault(language)?.FirstOrDefault() ?? ActionNames.Help;
}
