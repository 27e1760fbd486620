using MimeKit;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// Mail no one should answer: auto-replies, bounces, mailing lists, and the gateway's own mail. Answering them is how
/// two robots end up writing to each other forever (RFC 3834 section 2). Read from the headers alone, so a robot's
/// mail is known before its body is downloaded.
/// </summary>
internal static class RobotDetector
{
    private static readonly HashSet<string> RobotMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "bounce", "bounces",
    };

    /// <summary>Why the mail comes from a robot, or null when a person may have written it.</summary>
    public static string? Reason(HeaderList headers, string specialAddress)
    {
        if (headers[HeaderId.AutoSubmitted] is { } autoSubmitted && !IsNo(autoSubmitted)) return "Auto-Submitted: " + autoSubmitted.Trim();
        if (headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim().Replace(" ", "") == "<>") return "empty Return-Path (a bounce)";
        if (headers[HeaderId.Precedence] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list")
            return "Precedence: " + precedence.Trim();
        if (headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListUnsubscribe)) return "a mailing list (List-Id / List-Unsubscribe)";
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond")) return "an auto-responder (X-Autoreply)";
        if (headers[HeaderId.ContentType] is { } contentType && ContentType.TryParse(contentType, out var type) && type.IsMimeType("multipart", "report"))
            return "a delivery or read report (multipart/report)";
        if (headers[HeaderId.From] is { } from && InternetAddressList.TryParse(from, out var addresses))
        {
            foreach (var mailbox in addresses.Mailboxes)
            {
                if (string.Equals(mailbox.Address, specialAddress, StringComparison.OrdinalIgnoreCase)) return "sent by the special address itself";
                var at = mailbox.Address.IndexOf('@');
                if (at > 0 && RobotMailboxes.Contains(mailbox.Address[..at])) return "sent by " + mailbox.Address;
            }
        }
        return null;
    }

    /// <summary>"no", possibly with a comment or parameters: the only value that says a person sent it.</summary>
    private static bool IsNo(string value)
    {
        var token = value.Split(';', '(')[0].Trim();
        return token.Equals("no", StringComparison.OrdinalIgnoreCase);
    }
}
