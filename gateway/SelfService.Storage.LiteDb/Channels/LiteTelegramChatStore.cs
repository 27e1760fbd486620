using LiteDB;
using SelfService.Storage.Channels;
using SelfService.Storage.Leases;
using SelfService.Storage.LiteDb.Leases;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>
/// Telegram's state: chats in "telegram_chats", the getUpdates offset in "telegram_state" and the parts of long replies
/// sent in "telegram_sent_parts" ({ _id, Value }). A change of a chat reads and writes it inside one write request.
/// </summary>
internal sealed class LiteTelegramChatStore(ILiteDatabase database, GroupCommitWriter writer) : ITelegramChatStore
{
    public const string Chats = "telegram_chats";
    public const string State = "telegram_state";
    public const string SentParts = "telegram_sent_parts";
    private const string OffsetKey = "getUpdates.offset";
    private const string ValueField = "Value";

    private readonly ILiteCollection<TelegramChat> _chats = database.GetCollection<TelegramChat>(Chats);
    private readonly ILiteCollection<BsonDocument> _state = database.GetCollection(State);
    private readonly ILiteCollection<BsonDocument> _sentParts = database.GetCollection(SentParts);

    public Task<TelegramChat?> FindAsync(long chatId, CancellationToken cancellationToken) =>
        Task.FromResult<TelegramChat?>(_chats.FindById(chatId));

    public Task MarkUnreachableAsync(long chatId, string reason, DateTimeOffset since, CancellationToken cancellationToken) =>
        writer.WriteAsync(db =>
        {
            var chats = db.GetCollection<TelegramChat>(Chats);
            var chat = chats.FindById(chatId) ?? new TelegramChat { Id = chatId };
            chat.UnreachableReason = reason;
            chat.UnreachableSince ??= since;
            chats.Upsert(chat);
        }, cancellationToken);

    public Task MarkReachableAsync(long chatId, CancellationToken cancellationToken)
    {
        // Every message a user sends comes here: a read first, so the usual case (reachable) writes nothing.
        if (_chats.FindById(chatId)?.UnreachableReason is null) return Task.CompletedTask;
        return writer.WriteAsync(db =>
        {
            var chats = db.GetCollection<TelegramChat>(Chats);
            var chat = chats.FindById(chatId);
            if (chat?.UnreachableReason is null) return;
            chat.UnreachableReason = null;
            chat.UnreachableSince = null;
            chats.Upsert(chat);
        }, cancellationToken);
    }

    public Task SetShareContactShownAsync(long chatId, bool shown, CancellationToken cancellationToken)
    {
        if ((_chats.FindById(chatId)?.ShareContactShown ?? false) == shown) return Task.CompletedTask;
        return writer.WriteAsync(db =>
        {
            var chats = db.GetCollection<TelegramChat>(Chats);
            var chat = chats.FindById(chatId) ?? new TelegramChat { Id = chatId };
            if (chat.ShareContactShown == shown) return;
            chat.ShareContactShown = shown;
            chats.Upsert(chat);
        }, cancellationToken);
    }

    public Task<long> GetOffsetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_state.FindById(OffsetKey)?[ValueField].AsInt64 ?? 0);

    public async Task SaveOffsetAsync(long offset, LeaseFence? fence, CancellationToken cancellationToken)
    {
        var saved = await writer.WriteAsync(db =>
        {
            if (!LiteLeaseStore.IsCurrent(db, fence)) return false;   // answered, not thrown: a throw would roll back the group commit
            db.GetCollection(State).Upsert(Entry(OffsetKey, offset));
            return true;
        }, cancellationToken);
        if (!saved) throw new StaleLeaseException(fence!);
    }

    public Task<int> PartsSentAsync(string outboxId, CancellationToken cancellationToken) =>
        Task.FromResult((int)(_sentParts.FindById(outboxId)?[ValueField].AsInt64 ?? 0));

    public Task RecordPartsSentAsync(string outboxId, int parts, CancellationToken cancellationToken) =>
        writer.WriteAsync(db => db.GetCollection(SentParts).Upsert(Entry(outboxId, parts)), cancellationToken);

    public Task ForgetPartsSentAsync(string outboxId, CancellationToken cancellationToken) =>
        writer.WriteAsync(db => db.GetCollection(SentParts).Delete(outboxId), cancellationToken);

    /// <summary>As the channel's StateEntry { Id, Value } was stored: a long, so files written before read the same.</summary>
    private static BsonDocument Entry(string id, long value) => new() { ["_id"] = id, [ValueField] = value };
}
