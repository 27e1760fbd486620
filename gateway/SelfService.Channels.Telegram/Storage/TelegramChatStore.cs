using LiteDB;

namespace SelfService.Channels.Telegram.Storage;

/// <summary>
/// The channel's own state in the gateway's database: chats that blocked the bot, the getUpdates offset, and the parts
/// of a long reply already sent (so a retry after a 429 in the middle goes on from the next part, not from the first).
/// </summary>
public sealed class TelegramChatStore(ILiteDatabase database)
{
    private const string OffsetKey = "getUpdates.offset";

    private readonly ILiteCollection<TelegramChat> _chats = database.GetCollection<TelegramChat>("telegram_chats");
    private readonly ILiteCollection<StateEntry> _state = database.GetCollection<StateEntry>("telegram_state");
    private readonly ILiteCollection<StateEntry> _sentParts = database.GetCollection<StateEntry>("telegram_sent_parts");

    public TelegramChat? Find(long chatId) => _chats.FindById(chatId);

    public void MarkUnreachable(long chatId, string reason, DateTimeOffset since)
    {
        var chat = _chats.FindById(chatId) ?? new TelegramChat { Id = chatId };
        chat.UnreachableReason = reason;
        chat.UnreachableSince ??= since;
        _chats.Upsert(chat);
    }

    /// <summary>The user wrote (or unblocked the bot): sends may go to this chat again.</summary>
    public void MarkReachable(long chatId)
    {
        var chat = _chats.FindById(chatId);
        if (chat?.UnreachableReason is null) return;
        chat.UnreachableReason = null;
        chat.UnreachableSince = null;
        _chats.Upsert(chat);
    }

    public void SetShareContactShown(long chatId, bool shown)
    {
        var chat = _chats.FindById(chatId) ?? new TelegramChat { Id = chatId };
        if (chat.ShareContactShown == shown) return;
        chat.ShareContactShown = shown;
        _chats.Upsert(chat);
    }

    /// <summary>The next update id to ask getUpdates for; 0 before the first update.</summary>
    public long Offset => _state.FindById(OffsetKey)?.Value ?? 0;

    /// <summary>Saved only after the update was accepted: a crash before this reads it again, and the sink dedupes it.</summary>
    public void SaveOffset(long offset) => _state.Upsert(new StateEntry { Id = OffsetKey, Value = offset });

    public int PartsSent(string outboxId) => (int)(_sentParts.FindById(outboxId)?.Value ?? 0);

    public void RecordPartsSent(string outboxId, int parts) => _sentParts.Upsert(new StateEntry { Id = outboxId, Value = parts });

    public void ForgetPartsSent(string outboxId) => _sentParts.Delete(outboxId);

    private sealed class StateEntry
    {
        public string Id { get; set; } = "";
        public long Value { get; set; }
    }
}
