namespace SelfService.Storage.Channels;

/// <summary>A browser's conversation on the gateway's own web chat. Only a hash of its bearer token is stored.</summary>
public sealed class WebChatConversation
{
    public string Id { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
