using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// Reads "Authorization: Bearer …" (or the stream URL's "t" parameter, since browsers cannot set headers on a WebSocket)
/// and tells a secret from a token. Secrets are compared as SHA-256 digests in constant time, so neither their content
/// nor their length leaks through timing.
/// </summary>
public sealed class DirectLineAuthorizer(IOptions<DirectLineOptions> options, DirectLineTokens tokens)
{
    private readonly byte[][] _secretDigests = [.. options.Value.Secrets.Select(s => Digest(s.Trim()))];

    public DirectLineCaller Authorize(HttpRequest request) => Authorize(BearerOf(request) ?? request.Query["t"].ToString());

    public DirectLineCaller Authorize(string? credential)
    {
        if (string.IsNullOrEmpty(credential)) return DirectLineCaller.Anonymous;
        var digest = Digest(credential);
        var isSecret = false;
        foreach (var secret in _secretDigests) isSecret |= CryptographicOperations.FixedTimeEquals(secret, digest);
        if (isSecret) return DirectLineCaller.Secret;
        var check = tokens.Check(credential);
        return check.Status switch
        {
            TokenStatus.Valid => new DirectLineCaller(DirectLineCallerKind.Token, check.ConversationId),
            TokenStatus.Expired => DirectLineCaller.ExpiredToken,
            _ => DirectLineCaller.Anonymous,
        };
    }

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static byte[] Digest(string credential) => SHA256.HashData(Encoding.UTF8.GetBytes(credential));
}
