using SelfService.Testing.Peers.Telegram;

namespace SelfService.Gateway.Tests.Telegram;

/// <summary>One user's private chat with the bot, read in order: each call returns the bot's next message(s).</summary>
internal sealed class TelegramConversation(TelegramBotApiPeer peer, TelegramUser user)
{
    private int _seen;

    public TelegramUser User => user;

    public async Task<BotMessage> SayAsync(string text)
    {
        await peer.SendTextAsync(user, text);
        return await NextAsync();
    }

    public async Task<BotMessage> ShareOwnContactAsync(string phoneNumber)
    {
        await peer.SendContactAsync(user, phoneNumber);
        return await NextAsync();
    }

    /// <summary>Presses the button with this label under <paramref name="message"/>; returns the callback query id and the reply.</summary>
    public async Task<(string CallbackQueryId, BotMessage Reply)> PressAsync(BotMessage message, string label)
    {
        var button = message.Buttons.Single(b => b.Text == label);
        var id = await peer.PressAsync(user, message, button);
        return (id, await NextAsync());
    }

    public async Task<BotMessage> NextAsync() => (await NextAsync(1))[0];

    public async Task<IReadOnlyList<BotMessage>> NextAsync(int count)
    {
        var all = await peer.WaitForMessagesAsync(user.ChatId, _seen + count);
        var next = all.Skip(_seen).Take(count).ToList();
        _seen += count;
        return next;
    }

    /// <summary>Everything the bot sent to this chat so far.</summary>
    public Task<IReadOnlyList<BotMessage>> AllAsync() => peer.SentToAsync(user.ChatId);
}
