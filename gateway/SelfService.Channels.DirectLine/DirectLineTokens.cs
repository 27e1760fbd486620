using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// Direct Line tokens: compact JWTs (HS256) that name one conversation and expire. DirectLineJS reads tokens as JWTs
/// (for a "user" claim), so the JWT shape keeps it quiet; the signature is checked in constant time.
/// </summary>
public sealed class DirectLineTokens(byte[] key, TimeSpan lifetime, TimeProvider time)
{
    // {"alg":"HS256","typ":"JWT"}: the only header issued, so a token with any other header fails the signature.
    private static readonly string Header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);

    public TimeSpan Lifetime => lifetime;

    public IssuedToken Issue(string conversationId)
    {
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var claims = new TokenClaims(conversationId, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant());
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, DirectLineJson.Wire.TokenClaims));
        var signed = Header + "." + payload;
        return new IssuedToken(signed + "." + Base64Url.EncodeToString(Sign(signed)), conversationId, (int)lifetime.TotalSeconds);
    }

    /// <summary>Whether the token is ours, for which conversation, and whether it is still alive.</summary>
    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return TokenCheck.Invalid;
        var parts = token.Split('.');
        if (parts.Length != 3) return TokenCheck.Invalid;
        var signature = TryDecode(parts[2]);
        if (signature is null || !CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1]))) return TokenCheck.Invalid;

        TokenClaims? claims;
        try { claims = JsonSerializer.Deserialize(TryDecode(parts[1]) ?? [], DirectLineJson.Wire.TokenClaims); }
        catch (JsonException) { return TokenCheck.Invalid; }
        if (claims is null || string.IsNullOrEmpty(claims.Conv)) return TokenCheck.Invalid;

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.Exp);
        var status = time.GetUtcNow() < expiresAt ? TokenStatus.Valid : TokenStatus.Expired;
        return new TokenCheck(status, claims.Conv, expiresAt);
    }

    private static byte[]? TryDecode(string part)
    {
        try { return Base64Url.DecodeFromChars(part); }
        catch (FormatException) { return null; }
    }

    private byte[] Sign(string signed) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));
}

/// <summary>A token as Direct Line hands it out.</summary>
public sealed record IssuedToken(string Token, string ConversationId, int ExpiresInSeconds);

/// <summary>The JWT claims: the conversation, issued-at, expiry (Unix seconds), and a nonce so each token differs.</summary>
public sealed record TokenClaims(string Conv, long Iat, long Exp, string Jti);

public enum TokenStatus { Invalid, Expired, Valid }

/// <summary>What a token says; <see cref="ConversationId"/> and <see cref="ExpiresAt"/> are set when the signature is good.</summary>
public sealed record TokenCheck(TokenStatus Status, string? ConversationId, DateTimeOffset? ExpiresAt)
{
    public static readonly TokenCheck Invalid = new(TokenStatus.Invalid, null, null);
}
