namespace SelfService.Channels.Telegram;

/// <summary>
/// The few things the channel itself says (the command processor says everything else), in Russian and English.
/// A user whose Telegram language is Russian (language_code "ru...") gets Russian; everybody else English.
/// </summary>
public static class TelegramTexts
{
    public const string Russian = "ru";
    public const string English = "en";

    /// <summary>ru for a Telegram language_code of ru or ru-*, otherwise en.</summary>
    public static string LanguageOf(string? languageCode) =>
        languageCode is not null && (languageCode.Equals("ru", StringComparison.OrdinalIgnoreCase) || languageCode.StartsWith("ru-", StringComparison.OrdinalIgnoreCase))
            ? Russian
            : English;

    public static string ShareContactButton(string language) =>
        language == Russian ? "📱 Отправить мой номер" : "📱 Share my phone number";

    public static string TextOnly(string language) =>
        language == Russian
            ? "Я понимаю только текст. Напишите вопрос или команду, например БАЛАНС или ПОМОЩЬ."
            : "I can only read text. Please type your question or a command, e.g. BAL or HELP.";

    public static string ForeignContact(string language) =>
        language == Russian
            ? "Это чужой контакт, поэтому я не могу привязать его номер к вашему чату. Нажмите кнопку «Отправить мой номер», чтобы поделиться своим номером."
            : "That is someone else's contact, so I cannot link its number to your chat. Press “Share my phone number” to share your own number.";
}
