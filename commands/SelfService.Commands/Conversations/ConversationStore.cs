using LiteDB;
using SelfService.Commands.Customers;

namespace SelfService.Commands.Conversations;

/// <summary>Conversation state by channel and address. Saving writes only what changed: most messages change nothing.</summary>
public sealed class ConversationStore(ILiteDatabase database)
{
    private readonly ILiteCollection<ConversationState> _states = database.GetCollection<ConversationState>("conversations");

    public ConversationState Get(string channel, string address)
    {
        var key = CustomerDirectory.IdentityKey(channel, address);
        var state = _states.FindById(key) ?? new ConversationState { Key = key };
        state.Loaded = database.Mapper.ToDocument(state);
        return state;
    }

    public void Save(ConversationState state)
    {
        var current = database.Mapper.ToDocument(state);
        if (state.Loaded is not null && current.Equals(state.Loaded)) return;
        _states.Upsert(state);
        state.Loaded = current;
    }
}
