using System.Globalization;
using System.Text;
using Telegram.Bot.Types.ReplyMarkups;

namespace SelfService.Channels.Telegram.Outbound;

/// <summary>The buttons under a reply: the processor's choices inline, or the "share my phone number" keyboard.</summary>
public static class TelegramKeyboards
{
    /// <summary>https://core.telegram.org/bots/api#inlinekeyboardbutton: callback_data is 1-64 bytes.</summary>
    public const int MaxCallbackDataBytes = 64;

    private const int ShortLabel = 12;

    /// <summary>
    /// One button per choice; a press sends the label back as the customer's answer. Two short choices (ДА/НЕТ) share a
    /// row, longer lists (menus) get a row each. A label too long for callback data sends its number, which the
    /// processor reads as a pick from the same list.
    /// </summary>
    public static InlineKeyboardMarkup? ForChoices(IReadOnlyList<string> choices)
    {
        if (choices.Count == 0) return null;
        var buttons = choices.Select((label, i) => InlineKeyboardButton.WithCallbackData(label, CallbackData(label, i))).ToList();
        var oneRow = choices.Count <= 2 && choices.All(c => c.Length <= ShortLabel);
        return oneRow ? new InlineKeyboardMarkup(buttons) : new InlineKeyboardMarkup(buttons.Select(b => new[] { b }));
    }

    public static string CallbackData(string label, int index) =>
        label.Length > 0 && Encoding.UTF8.GetByteCount(label) <= MaxCallbackDataBytes
            ? label
            : (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A reply keyboard with one button that shares the user's own phone number (a contact with their user id).</summary>
    public static ReplyKeyboardMarkup ShareContact(string language) =>
        new(new KeyboardButton(TelegramTexts.ShareContactButton(language)) { RequestContact = true })
        {
            ResizeKeyboard = true,
            OneTimeKeyboard = true,
        };

    /// <summary>Takes the share-contact keyboard away once the chat is linked.</summary>
    public static ReplyKeyboardRemove RemoveShareContact() => new();
}
