using SelfService.Storage.Channels;
using SelfService.Storage.Leases;
using SelfService.Storage.PostgreSql.Leases;

namespace SelfService.Storage.PostgreSql.Channels;

/// <summary>Telegram's state: chats, the getUpdates offset, and the parts of long replies sent. A chat's change locks its row.</summary>
internal sealed class PgTelegramChatStore(PgDatabase database) : ITelegramChatStore
{
    private const string OffsetKey = "getUpdates.offset";

    public Task<TelegramChat?> FindAsync(long chatId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<TelegramChat>(connection, "SELECT doc FROM telegram_chats WHERE id = @id", cancellationToken, ("id", chatId)),
            cancellationToken);

    public Task MarkUnreachableAsync(long chatId, string reason, DateTimeOffset since, CancellationToken cancellationToken) =>
        ChangeAsync(chatId, create: true, chat =>
        {
            chat.UnreachableReason = reason;
            chat.UnreachableSince ??= since;
            return true;
        }, cancellationToken);

    public async Task MarkReachableAsync(long chatId, CancellationToken cancellationToken)
    {
        // Every message a user sends comes here: a read first, so the usual case (reachable) writes nothing.
        if ((await FindAsync(chatId, cancellationToken))?.UnreachableReason is null) return;
        await ChangeAsync(chatId, create: false, chat =>
        {
            if (chat.UnreachableReason is null) return false;
            chat.UnreachableReason = null;
            chat.UnreachableSince = null;
            return true;
        }, cancellationToken);
    }

    public async Task SetShareContactShownAsync(long chatId, bool shown, CancellationToken cancellationToken)
    {
        if (((await FindAsync(chatId, cancellationToken))?.ShareContactShown ?? false) == shown) return;
        await ChangeAsync(chatId, create: true, chat =>
        {
            if (chat.ShareContactShown == shown) return false;
            chat.ShareContactShown = shown;
            return true;
        }, cancellationToken);
    }

    /// <summary>Reads the chat locked (made first when <paramref name="create"/>), changes it, and writes it back if <paramref name="change"/> says so.</summary>
    private Task ChangeAsync(long chatId, bool create, Func<TelegramChat, bool> change, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            if (create)
                await Sql.ExecuteAsync(connection, "INSERT INTO telegram_chats (id, doc) VALUES (@id, @doc) ON CONFLICT (id) DO NOTHING", cancellationToken,
                    ("id", chatId), ("doc", Documents.Of(new TelegramChat { Id = chatId })));
            var chat = await Sql.DocumentAsync<TelegramChat>(connection, "SELECT doc FROM telegram_chats WHERE id = @id FOR UPDATE", cancellationToken, ("id", chatId));
            if (chat is null || !change(chat)) return;
            await Sql.ExecuteAsync(connection, "UPDATE telegram_chats SET doc = @doc WHERE id = @id", cancellationToken, ("id", chatId), ("doc", Documents.Of(chat)));
        }, cancellationToken);

    public Task<long> GetOffsetAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.ScalarAsync<long>(connection, "SELECT value FROM telegram_state WHERE key = @key", cancellationToken, ("key", OffsetKey)),
            cancellationToken);

    public Task SaveOffsetAsync(long offset, LeaseFence? fence, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await PgLeaseStore.CheckAsync(connection, fence, cancellationToken);
            await Sql.ExecuteAsync(connection,
                "INSERT INTO telegram_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                cancellationToken, ("key", OffsetKey), ("value", offset));
        }, cancellationToken);

    public Task<int> PartsSentAsync(string outboxId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.ScalarAsync<int>(connection, "SELECT parts FROM telegram_sent_parts WHERE outbox_id = @id", cancellationToken,
            ("id", outboxId)), cancellationToken);

    public Task RecordPartsSentAsync(string outboxId, int parts, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection,
            "INSERT INTO telegram_sent_parts (outbox_id, parts) VALUES (@id, @parts) ON CONFLICT (outbox_id) DO UPDATE SET parts = EXCLUDED.parts",
            cancellationToken, ("id", outboxId), ("parts", parts)), cancellationToken);

    public Task ForgetPartsSentAsync(string outboxId, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, "DELETE FROM telegram_sent_parts WHERE outbox_id = @id", cancellationToken, ("id", outboxId)),
            cancellationToken);
}
