using LiteDB;

namespace SelfService.Channels.WebChat;

/// <summary>A browser's conversation. Only a hash of its bearer token is stored.</summary>
public sealed class WebChatConversation
{
    [BsonId]
    public string Id { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
