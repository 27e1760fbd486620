using System.Runtime.CompilerServices;
using LiteDB;
using SelfService.Storage.Conversations;

namespace SelfService.Storage.LiteDb;

/// <summary>Conversation states, one document per sender. Most messages change nothing, so a state is written only when it changed.</summary>
internal sealed class LiteConversationStore : IConversationStore
{
    public const string Collection = "conversations";

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ConversationState> _states;

    // The document each state was read as, to tell at commit time whether it changed.
    private readonly ConditionalWeakTable<ConversationState, BsonDocument> _asRead = new();

    public LiteConversationStore(ILiteDatabase database)
    {
        _database = database;
        _states = database.GetCollection<ConversationState>(Collection);
    }

    public Task<ConversationState> GetAsync(string channel, string address, CancellationToken cancellationToken)
    {
        var key = IdentityKeys.Of(channel, address);
        var state = _states.FindById(key) ?? new ConversationState { Key = key };
        _asRead.AddOrUpdate(state, _database.Mapper.ToDocument(state));
        return Task.FromResult(state);
    }

    /// <summary>On the writer thread, inside a commit: writes the state unless it is as it was read.</summary>
    internal void SaveIfChanged(ILiteDatabase database, ConversationState state)
    {
        var current = database.Mapper.ToDocument(state);
        if (_asRead.TryGetValue(state, out var asRead) && current.Equals(asRead)) return;
        database.GetCollection(Collection).Upsert(current);
        _asRead.AddOrUpdate(state, current);
    }
}
