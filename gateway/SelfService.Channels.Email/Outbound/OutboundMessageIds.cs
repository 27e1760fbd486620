using System.Text;

namespace SelfService.Channels.Email.Outbound;

/// <summary>
/// Message-IDs of the gateway's mails, made from ids it already has, so the same outbox message sent twice (after a
/// crash) carries the same Message-ID and mail clients show it once in the thread.
/// </summary>
internal static class OutboundMessageIds
{
    public static string ForOutbox(string outboxId, string specialAddress) => Make("reply." + outboxId, specialAddress);

    /// <summary>For a notice about an inbound mail the gateway did not take (too large): one per that mail.</summary>
    public static string ForNotice(string inboundChannelMessageId, string specialAddress) =>
        Make("notice." + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(inboundChannelMessageId)).AsSpan(0, 12)), specialAddress);

    private static string Make(string local, string specialAddress)
    {
        var domain = specialAddress[(specialAddress.IndexOf('@') + 1)..];
        var safe = new StringBuilder(local.Length);
        foreach (var c in local) safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '.');
        return safe + "@" + domain;
    }
}
