using Telegram.Bot.Exceptions;

namespace SelfService.Channels.Telegram.Outbound;

/// <summary>Classifies what the Bot API answered a send; the outbox decides what to do about it.</summary>
public static class TelegramFailures
{
    /// <summary>The user blocked the bot (or deleted their account): https://core.telegram.org/api/errors#403-forbidden.</summary>
    public static bool IsBlocked(ApiRequestException exception) => exception.ErrorCode == 403;

    /// <summary>Telegram's HTML parser refused the text: "Bad Request: can't parse entities: ...".</summary>
    public static bool IsUnparsableMarkup(ApiRequestException exception) =>
        exception.ErrorCode == 400 && exception.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);

    public static SendResult Classify(ApiRequestException exception) => exception.ErrorCode switch
    {
        // Flood control: the answer says how long to wait, and waiting less only earns another 429.
        429 => SendResult.Retry("Telegram limits the bot's sending (429): " + exception.Message,
            exception.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
        // A wrong token (401) or API address (404) is the channel's configuration, not this message: it may be fixed.
        401 or 404 => SendResult.Retry($"the Bot API refused the bot ({exception.ErrorCode}); check Channels:Telegram:Token and ApiBaseUrl: {exception.Message}"),
        >= 500 => SendResult.Retry($"the Bot API failed ({exception.ErrorCode}): {exception.Message}"),
        _ => SendResult.Fail($"the Bot API refused the message ({exception.ErrorCode}): {exception.Message}"),
    };

    /// <summary>No answer, or no Bot API answer (a proxy's error page, a reset connection): worth another try.</summary>
    public static SendResult Classify(RequestException exception) =>
        SendResult.Retry(exception.HttpStatusCode is { } status and not 0
            ? $"the Bot API answered HTTP {(int)status} without a Bot API result: {exception.Message}"
            : "the Bot API could not be reached: " + (exception.InnerException?.Message ?? exception.Message));

    public static SendResult Classify(HttpRequestException exception) =>
        SendResult.Retry("the Bot API could not be reached: " + exception.Message);
}
