using System.Security.Cryptography;
using LiteDB;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// Where the token signing key comes from: the configuration, or a random key made once and kept in the gateway's
/// database (so tokens, and the page's resumable conversations, survive a restart).
/// </summary>
public static class TokenSigningKeys
{
    public const int MinimumKeyBytes = 32;
    private const string CollectionName = "directline_keys";
    private const string KeyId = "token-signing";

    /// <summary>The configured key, or null when it is not base64 of at least <see cref="MinimumKeyBytes"/> bytes.</summary>
    public static byte[]? TryDecode(string configured)
    {
        try
        {
            var key = Convert.FromBase64String(configured.Trim());
            return key.Length >= MinimumKeyBytes ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static byte[] Resolve(DirectLineOptions options, ILiteDatabase database)
    {
        if (!string.IsNullOrEmpty(options.TokenSigningKey))
            return TryDecode(options.TokenSigningKey) ?? throw new InvalidOperationException($"{DirectLineOptions.Section}:TokenSigningKey is not valid");
        var keys = database.GetCollection<StoredKey>(CollectionName);
        if (keys.FindById(KeyId) is { } stored) return Convert.FromBase64String(stored.Key);
        var key = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
        // Insert fails if another start won the race; read back whichever key is stored.
        try { keys.Insert(new StoredKey { Id = KeyId, Key = Convert.ToBase64String(key) }); }
        catch (LiteException) { return Convert.FromBase64String(keys.FindById(KeyId).Key); }
        return key;
    }

    internal sealed class StoredKey
    {
        [BsonId]
        public string Id { get; set; } = "";
        public string Key { get; set; } = "";
    }
}
