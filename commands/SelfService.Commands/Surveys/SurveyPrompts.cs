using System.Globalization;
using SelfService.Commands.Texts;
using SelfService.Messaging;
using SelfService.Storage.Surveys;

namespace SelfService.Commands.Surveys;

/// <summary>
/// A question as each channel shows it: numbered options and how to answer on SMS (and USSD); buttons on Telegram and the
/// web chats, which send the label back; on email the numbered options and "reply to this email".
/// </summary>
public sealed class SurveyPrompts(ReplyTexts texts)
{
    public Reply Ask(SurveyQuestion question, string language, string channel, string? lead = null)
    {
        var asked = string.IsNullOrEmpty(lead) ? TextOf(question.Texts, language) : lead + "\n\n" + TextOf(question.Texts, language);
        var labels = LabelsOf(question, language);
        if (HasButtons(channel))
        {
            // Buttons say it all for choices and scores; a number or free text still needs telling.
            var withHint = labels.Count == 0 ? asked + "\n" + Hint(question, language) : asked;
            return new Reply(withHint, withHint, labels);
        }
        var numbered = question.Kind == QuestionKind.Choice
            ? asked + "\n" + string.Join("\n", labels.Select((l, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {l}")) + "\n" + Hint(question, language)
            : asked + "\n" + Hint(question, language);
        return channel == ChannelNames.Email ? new Reply(numbered, numbered + "\n\n" + texts.Get("surveyByEmail", language)) : new Reply(numbered);
    }

    public string NotUnderstood(string language) => texts.Get("surveyNotUnderstood", language);

    public string Skipped(string language) => texts.Get("surveySkipped", language);

    public string Thanks(SurveyDefinition survey, string language) =>
        survey.Thanks.Count > 0 ? TextOf(survey.Thanks, language) : texts.Get("surveyThanks", language);

    public string Closed(SurveyResponse response, string language) =>
        texts.Get("surveyClosed", language, ("until", response.ExpiresAt.UtcDateTime.ToString("dd.MM.yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)));

    /// <summary>An outbox message's text and buttons for the channel: SMS takes the short form, the others the long one.</summary>
    public static (string Text, List<string> Choices) ForOutbox(Reply reply, string channel) =>
        channel is ChannelNames.Sms or ChannelNames.Ussd ? (reply.Short, []) : (reply.LongForm, [.. reply.Choices ?? []]);

    public static bool HasButtons(string channel) => channel is ChannelNames.Telegram or ChannelNames.WebChat or ChannelNames.DirectLine;

    /// <summary>The text in the language, else in Russian, else the first there is.</summary>
    public static string TextOf(IReadOnlyDictionary<string, string> byLanguage, string language) =>
        byLanguage.GetValueOrDefault(language) ?? byLanguage.GetValueOrDefault(ReplyTexts.DefaultLanguage) ?? byLanguage.Values.FirstOrDefault() ?? "";

    private List<string> LabelsOf(SurveyQuestion question, string language) => question.Kind switch
    {
        QuestionKind.Choice => [.. question.Options.Select(o => TextOf(o.Labels, language))],
        QuestionKind.YesNo => [texts.Get("surveyYes", language), texts.Get("surveyNo", language)],
        QuestionKind.Score5 => [.. Enumerable.Range(1, 5).Select(i => i.ToString(CultureInfo.InvariantCulture))],
        QuestionKind.Score10 => [.. Enumerable.Range(0, 11).Select(i => i.ToString(CultureInfo.InvariantCulture))],
        _ => [],
    };

    private string Hint(SurveyQuestion question, string language) => question.Kind switch
    {
        QuestionKind.Choice => texts.Get("surveyReplyNumber", language),
        QuestionKind.YesNo => texts.Get("surveyReplyYesNo", language),
        QuestionKind.Score5 => texts.Get("surveyReplyScore", language, ("min", 1), ("max", 5)),
        QuestionKind.Score10 => texts.Get("surveyReplyScore", language, ("min", 0), ("max", 10)),
        QuestionKind.Number when question.Min is { } min && question.Max is { } max => texts.Get("surveyReplyScore", language, ("min", min.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture))),
        QuestionKind.Number => texts.Get("surveyReplyAnyNumber", language),
        _ => texts.Get("surveyReplyText", language),
    };
}
