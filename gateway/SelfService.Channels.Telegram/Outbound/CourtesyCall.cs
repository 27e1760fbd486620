using Telegram.Bot.Exceptions;

namespace SelfService.Channels.Telegram.Outbound;

/// <summary>
/// A Bot API call the customer can do without (answering a button press, a notice outside the outbox): bounded by the
/// request timeout, and a failure is reported, not thrown, so it never stops the update that caused it.
/// </summary>
internal static class CourtesyCall
{
    /// <summary>Runs <paramref name="call"/>; returns the failure, or null when it succeeded.</summary>
    public static async Task<Exception?> TryAsync(Func<CancellationToken, Task> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await call(bounded.Token);
            return null;
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ex;
        }
    }
}
