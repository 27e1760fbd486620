using System.Security.Cryptography;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// Where the token signing key comes from: the configuration, or a random key made once and kept by the storage port
/// (so tokens, and the page's resumable conversations, survive a restart).
/// </summary>
public static class TokenSigningKeys
{
    public const int MinimumKeyBytes = 32;
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

    public static async Task<byte[]> ResolveAsync(DirectLineOptions options, ISigningKeyStore keys, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.TokenSigningKey))
            return TryDecode(options.TokenSigningKey) ?? throw new InvalidOperationException($"{DirectLineOptions.Section}:TokenSigningKey is not valid");
        // If another start won the race, the store returns its key.
        return await keys.GetOrAddAsync(KeyId, RandomNumberGenerator.GetBytes(MinimumKeyBytes), cancellationToken);
    }
}
