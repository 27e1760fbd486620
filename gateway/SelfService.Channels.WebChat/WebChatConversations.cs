using System.Security.Cryptography;
using System.Text;
using SelfService.Storage.Channels;

namespace SelfService.Channels.WebChat;

/// <summary>Web conversations and their bearer tokens, over the storage port's <see cref="IWebChatStore"/>.</summary>
public sealed class WebChatConversations(IWebChatStore store)
{
    /// <summary>The most lines one read returns; the browser asks again from the new watermark.</summary>
    public const int PageSize = 200;

    private readonly KeyedGate _arrivals = new();

    /// <summary>
    /// Held while a customer's message is accepted and its line added, and while a reply's line is added: the command
    /// processor may answer as soon as the message is accepted, and the reply's line must still come after the question's.
    /// </summary>
    public Task<IDisposable> ArrivalAsync(string conversationId, CancellationToken cancellationToken) =>
        _arrivals.EnterAsync(conversationId, cancellationToken);

    /// <summary>Starts a conversation and returns its id and the bearer token (shown once, stored hashed).</summary>
    public async Task<(string ConversationId, string Token)> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await store.CreateAsync(new WebChatConversation { Id = id, TokenHash = Hash(token), CreatedAt = now }, cancellationToken);
        return (id, token);
    }

    public Task<WebChatConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        store.FindAsync(conversationId, cancellationToken);

    /// <summary>Whether <paramref name="token"/> is the conversation's own, compared in constant time.</summary>
    public static bool IsAuthorized(WebChatConversation conversation, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(conversation.TokenHash), Convert.FromHexString(Hash(token)));
    }

    /// <summary>Adds a line unless one with the same activity id is there already.</summary>
    public Task AppendAsync(WebChatActivity activity, CancellationToken cancellationToken) => store.AppendAsync(activity, cancellationToken);

    public Task<IReadOnlyList<WebChatActivity>> AfterAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        store.AfterAsync(conversationId, watermark, PageSize, cancellationToken);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
