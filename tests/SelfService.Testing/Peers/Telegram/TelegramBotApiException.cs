namespace SelfService.Testing.Peers.Telegram;

/// <summary>The Bot API peer could not start, answered an error, or did not show what the test waited for.</summary>
public sealed class TelegramBotApiException : Exception
{
    public TelegramBotApiException(string message) : base(message) { }

    public TelegramBotApiException(string message, Exception inner) : base(message, inner) { }
}
