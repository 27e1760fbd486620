namespace SelfService.Testing.Peers.Telegram;

/// <summary>A Telegram user writing to the bot in a private chat (whose id is the user's, as in Telegram).</summary>
/// <param name="Id">The user id, also the private chat's id.</param>
/// <param name="FirstName">What Telegram shows.</param>
/// <param name="LanguageCode">The language of the user's Telegram app (IETF tag, e.g. ru, en-GB); null when not shared.</param>
public sealed record TelegramUser(long Id, string FirstName, string? LanguageCode)
{
    public long ChatId => Id;
}
