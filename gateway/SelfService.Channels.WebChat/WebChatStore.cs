using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace SelfService.Channels.WebChat;

/// <summary>Web conversations and their transcripts.</summary>
public sealed class WebChatStore
{
    private readonly ILiteCollection<WebChatConversation> _conversations;
    private readonly ILiteCollection<WebChatActivity> _activities;
    private readonly Lock _gate = new();

    public WebChatStore(ILiteDatabase database)
    {
        _conversations = database.GetCollection<WebChatConversation>("webchat_conversations");
        _activities = database.GetCollection<WebChatActivity>("webchat_activities");
        _activities.EnsureIndex(a => a.ActivityId, unique: true);
        _activities.EnsureIndex(a => a.ConversationId);
    }

    /// <summary>Starts a conversation and returns its id and the bearer token (shown once, stored hashed).</summary>
    public (string ConversationId, string Token) Create(DateTimeOffset now)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _conversations.Insert(new WebChatConversation { Id = id, TokenHash = Hash(token), CreatedAt = now });
        return (id, token);
    }

    public bool Exists(string conversationId) => _conversations.FindById(conversationId) is not null;

    public bool IsAuthorized(string conversationId, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var conversation = _conversations.FindById(conversationId);
        if (conversation is null) return false;
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(conversation.TokenHash), Convert.FromHexString(Hash(token)));
    }

    /// <summary>Adds a line unless one with the same activity id is there already.</summary>
    public void Append(WebChatActivity activity)
    {
        lock (_gate)
        {
            if (_activities.Exists(a => a.ActivityId == activity.ActivityId)) return;
            _activities.Insert(activity);
        }
    }

    public IReadOnlyList<WebChatActivity> After(string conversationId, long watermark, int limit = 200) =>
        _activities.Query().Where(a => a.ConversationId == conversationId && a.Seq > watermark).OrderBy(a => a.Seq).Limit(limit).ToList();

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
