using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SelfService.Commands;
using SelfService.Storage.Channels;

namespace SelfService.Campaigns;

/// <summary>
/// The one-click unsubscribe address in a campaign mail (RFC 8058): {Commands:PublicBaseUrl}/unsubscribe/{token}, the
/// token naming the campaign and the number, signed with HMAC-SHA256 under a key the gateway makes once and keeps in its
/// store (so links in mails already sent work after a restart). The signature is the proof: whoever holds the mail may
/// unsubscribe its recipient, and nobody can make a link for another number.
/// </summary>
public sealed class UnsubscribeLinks(ISigningKeyStore keys, IOptions<CommandOptions> commands)
{
    private const string KeyName = "campaign-unsubscribe";
    private const int TagBytes = 16;
    private byte[]? _key;

    /// <summary>False when Commands:PublicBaseUrl is not set: a mail cannot point back at the gateway.</summary>
    public bool CanLink => Uri.TryCreate(commands.Value.PublicBaseUrl, UriKind.Absolute, out _);

    public async Task<string> LinkAsync(string campaignId, string msisdn, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(campaignId + "\n" + msisdn);
        var tag = HMACSHA256.HashData(await KeyAsync(cancellationToken), payload)[..TagBytes];
        return commands.Value.PublicBaseUrl.TrimEnd('/') + "/unsubscribe/" + Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(tag);
    }

    /// <summary>The campaign and number a token names, or null when it is malformed or its signature does not match.</summary>
    public async Task<(string CampaignId, string Msisdn)?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 512) return null;
        byte[] payload, tag;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            tag = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        var expected = HMACSHA256.HashData(await KeyAsync(cancellationToken), payload)[..TagBytes];
        if (!CryptographicOperations.FixedTimeEquals(tag, expected)) return null;
        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken) =>
        _key ??= await keys.GetOrAddAsync(KeyName, RandomNumberGenerator.GetBytes(32), cancellationToken);
}
