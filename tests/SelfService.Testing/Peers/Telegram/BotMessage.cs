using System.Text.Json;

namespace SelfService.Testing.Peers.Telegram;

/// <summary>A message the bot sent, as the Bot API server accepted it.</summary>
/// <param name="MessageId">Telegram's id of the message in its chat.</param>
/// <param name="ChatId">The chat it went to.</param>
/// <param name="Text">What the user reads: the text after Telegram parsed its markup.</param>
/// <param name="SentText">The text as the bot sent it (HTML when <paramref name="ParseMode"/> is HTML).</param>
/// <param name="ParseMode">HTML, MarkdownV2 or null for plain text.</param>
/// <param name="InlineButtons">The inline keyboard's buttons row by row: (label, callback data).</param>
/// <param name="ReplyMarkup">The reply_markup as sent, or null.</param>
public sealed record BotMessage(
    long MessageId, long ChatId, string Text, string SentText, string? ParseMode,
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineButtons, JsonElement? ReplyMarkup)
{
    public IEnumerable<InlineButton> Buttons => InlineButtons.SelectMany(row => row);

    /// <summary>The reply keyboard's button that shares the user's phone number, if the message offers one.</summary>
    public string? ShareContactButton =>
        ReplyMarkup is { } markup && markup.TryGetProperty("keyboard", out var rows)
            ? rows.EnumerateArray().SelectMany(r => r.EnumerateArray())
                .Where(b => b.TryGetProperty("request_contact", out var request) && request.GetBoolean())
                .Select(b => b.GetProperty("text").GetString()).FirstOrDefault()
            : null;

    /// <summary>The message takes the reply keyboard away (ReplyKeyboardRemove).</summary>
    public bool RemovesKeyboard =>
        ReplyMarkup is { } markup && markup.TryGetProperty("remove_keyboard", out var remove) && remove.GetBoolean();
}

/// <summary>An inline keyboard button: its label and the data a press sends back.</summary>
public sealed record InlineButton(string Text, string CallbackData);
