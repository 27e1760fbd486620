using System.Text.RegularExpressions;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// What the customer wrote in a mail body, without what the mail client added: quoted earlier messages ("&gt; ..."),
/// the reply header above them ("On ... wrote:", "... написал(а):"), the forwarded or original message below a
/// separator line, and the signature ("-- " and everything after it, RFC 3676 section 4.3).
/// </summary>
internal static partial class MailBodyText
{
    public static IReadOnlyList<string> MeaningfulLines(string body)
    {
        var lines = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line == "--" || line == "__") break;   // signature separator; clients often trim the space of "-- "
            if (OriginalMessage().IsMatch(line)) break;
            if (ReplyHeader().IsMatch(line))
            {
                // "On Mon, 1 Jan 2026, Anna <anna@...>" may be wrapped onto a line of its own before "wrote:".
                if (line.Trim().Length < 12 && kept.Count > 0 && ReplyHeaderStart().IsMatch(kept[^1])) kept.RemoveAt(kept.Count - 1);
                break;
            }
            if (line.TrimStart().StartsWith('>')) continue;
            kept.Add(line.Trim());
        }
        return Collapse(kept);
    }

    /// <summary>No blank lines at either end, and at most one in a row.</summary>
    private static List<string> Collapse(List<string> lines)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0)) continue;
            result.Add(line);
        }
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }

    [GeneratedRegex(@"(\bwrote|написал(\(а\)|а)?|пишет)\s*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyHeader();

    [GeneratedRegex(@"^\s*(On|В|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\w{2,3},?\s+\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyHeaderStart();

    [GeneratedRegex(@"^\s*-{2,}\s*(Original Message|Forwarded message|Исходное сообщение|Пересылаемое сообщение|Пересланное сообщение)\s*-{2,}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();
}
