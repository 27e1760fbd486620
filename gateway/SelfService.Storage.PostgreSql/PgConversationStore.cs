using System.Runtime.CompilerServices;
using SelfService.Storage.Conversations;

namespace SelfService.Storage.PostgreSql;

/// <summary>Conversation states, one row per sender. Most messages change nothing, so a state is written only when it changed.</summary>
internal sealed class PgConversationStore(PgDatabase database) : IConversationStore
{
    // The document each state was read as, to tell at commit time whether it changed.
    private readonly ConditionalWeakTable<ConversationState, string> _asRead = new();

    public Task<ConversationState> GetAsync(string channel, string address, CancellationToken cancellationToken)
    {
        var key = IdentityKeys.Of(channel, address);
        return database.ReadAsync(async connection =>
        {
            var state = await Sql.DocumentAsync<ConversationState>(connection, "SELECT doc FROM conversations WHERE key = @key", cancellationToken, ("key", key))
                ?? new ConversationState { Key = key };
            _asRead.AddOrUpdate(state, Documents.Of(state).Text);
            return state;
        }, cancellationToken);
    }

    /// <summary>Adds the state's upsert to a commit's batch unless it is as it was read.</summary>
    internal void SaveIfChanged(SqlBatch batch, ConversationState state)
    {
        var current = Documents.Of(state);
        if (_asRead.TryGetValue(state, out var asRead) && asRead == current.Text) return;
        batch.Add("INSERT INTO conversations (key, doc) VALUES (@key, @doc) ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc", ("key", state.Key), ("doc", current));
    }

    /// <summary>After the commit: what is stored now is what a later commit compares with.</summary>
    internal void Saved(ConversationState state) => _asRead.AddOrUpdate(state, Documents.Of(state).Text);
}
