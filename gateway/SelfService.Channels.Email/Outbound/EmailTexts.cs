using System.Globalization;
using SelfService.Messaging;

namespace SelfService.Channels.Email.Outbound;

/// <summary>What the email channel itself says, in Russian or English.</summary>
internal static class EmailTexts
{
    public static string ReplyWith(string language, IReadOnlyList<string> choices) =>
        (IsRussian(language) ? "Ответьте: " : "Reply with: ") + string.Join(" / ", choices);

    public static string AttachmentsIgnored(string language) => IsRussian(language)
        ? "Вложения мы не открываем. Если в них был вопрос, напишите его в тексте письма."
        : "We do not open attachments. If they held a question, please write it in the text of your mail.";

    public static string TooLarge(string language, long maxBytes)
    {
        var megabytes = (maxBytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
        return IsRussian(language)
            ? $"Ваше письмо больше {megabytes} МБ, и мы его не прочитали. Напишите вопрос или команду коротким письмом без вложений."
            : $"Your mail is larger than {megabytes} MB, so we did not read it. Please send your question or command in a short mail without attachments.";
    }

    private static bool IsRussian(string language) => language == "ru";
}
