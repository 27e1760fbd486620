using LiteDB;
using SelfService.Commands.Customers;

namespace SelfService.Commands.Conversations;

/// <summary>Conversation state by channel and address.</summary>
public sealed class ConversationStore(ILiteDatabase database)
{
    private readonly ILiteCollection<ConversationState> _states = database.GetCollection<ConversationState>("conversations");

    public ConversationState Get(string channel, string address)
    {
        var key = CustomerDirectory.IdentityKey(channel, address);
        return _states.FindById(key) ?? new ConversationState { Key = key };
    }

    public void Save(ConversationState state) => _states.Upsert(state);
}
