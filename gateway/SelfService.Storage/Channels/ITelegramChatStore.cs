using SelfService.Storage.Leases;

namespace SelfService.Storage.Channels;

/// <summary>
/// The Telegram channel's own state: chats that blocked the bot, the getUpdates offset, and the parts of a long reply
/// already sent (so a retry after a 429 in the middle goes on from the next part, not from the first). Each change of a
/// chat reads and writes it in one atomic step.
/// </summary>
public interface ITelegramChatStore
{
    Task<TelegramChat?> FindAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>Sends to the chat fail for <paramref name="reason"/>; the first time's <paramref name="since"/> is kept.</summary>
    Task MarkUnreachableAsync(long chatId, string reason, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The user wrote (or unblocked the bot): sends may go to this chat again.</summary>
    Task MarkReachableAsync(long chatId, CancellationToken cancellationToken);

    Task SetShareContactShownAsync(long chatId, bool shown, CancellationToken cancellationToken);

    /// <summary>The next update id to ask getUpdates for; 0 before the first update.</summary>
    Task<long> GetOffsetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves the next offset; with <paramref name="fence"/> (the poll's lease) only while its token is still the lease's,
    /// else <see cref="StaleLeaseException"/>: a poller that lost the lease never moves the offset under its successor.
    /// </summary>
    Task SaveOffsetAsync(long offset, LeaseFence? fence, CancellationToken cancellationToken);

    Task<int> PartsSentAsync(string outboxId, CancellationToken cancellationToken);

    Task RecordPartsSentAsync(string outboxId, int parts, CancellationToken cancellationToken);

    Task ForgetPartsSentAsync(string outboxId, CancellationToken cancellationToken);
}
