namespace SelfService.Channels.Voice;

/// <summary>
/// The few things the voice menu says itself, in Russian and English (the command processor says everything else: the
/// menus' titles and items, balances, confirmations, the queue). Keys of recorded prompts, so an operator's recording
/// replaces the synthesized one (samples/operator/prompts/{ru,en}/{key}.wav).
/// </summary>
internal static class VoiceTexts
{
    public const string NotInService = "not-in-service";
    public const string WrongKey = "wrong-key";
    public const string OfferPerson = "offer-person";
    public const string Confirm = "confirm";
    public const string Cancelled = "cancelled";
    public const string BackToMenu = "back-to-menu";
    public const string Goodbye = "goodbye";
    public const string Unavailable = "unavailable";
    public const string OfferCallback = "offer-callback";
    public const string Transferring = "transferring";
    public const string CallbackIntro = "callback-intro";
    public const string HearAgain = "hear-again";

    private static readonly Dictionary<string, (string Ru, string En)> Texts = new(StringComparer.Ordinal)
    {
        [NotInService] = ("Этот номер не обслуживается. До свидания.", "This number is not in service. Goodbye."),
        [WrongKey] = ("Такой клавиши в этом меню нет.", "That key is not in this menu."),
        [OfferPerson] = ("Чтобы поговорить с оператором, нажмите ноль.", "To speak to a person, press zero."),
        [Confirm] = ("Чтобы подтвердить, нажмите один. Чтобы отменить, нажмите два.", "To confirm, press one. To cancel, press two."),
        [Cancelled] = ("Ничего не изменено. До свидания.", "Nothing was changed. Goodbye."),
        [BackToMenu] = ("Чтобы вернуться в меню, нажмите звёздочку.", "To go back to the menu, press star."),
        [Goodbye] = ("Спасибо за звонок. До свидания.", "Thank you for calling. Goodbye."),
        [Unavailable] = ("Сервис сейчас недоступен. Пожалуйста, позвоните позже.", "The service is not available right now. Please call again later."),
        [OfferCallback] = ("Чтобы вам перезвонили, нажмите один. Чтобы ждать на линии, оставайтесь на линии.",
            "To be called back, press one. To wait, stay on the line."),
        [Transferring] = ("Соединяю с оператором.", "Connecting you to a person."),
        [CallbackIntro] = ("Здравствуйте! Это служба поддержки. Мы перезваниваем вам с ответом на ваше обращение.",
            "Hello, this is customer support, calling you back with the answer to your request."),
        [HearAgain] = ("Чтобы прослушать ещё раз, нажмите один.", "To hear it again, press one."),
    };

    public static string Get(string key, string language) => language == "ru" ? Texts[key].Ru : Texts[key].En;
}
