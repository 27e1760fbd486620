using SelfService.Channels.Text;

namespace SelfService.Channels;

/// <summary>Picks the reply form a channel needs and, for SMS-sized channels, makes it fit deliberately.</summary>
public static class ReplySizer
{
    public static string Fit(Reply reply, ChannelProfile profile)
    {
        if (profile.ReplyForm == ReplyForm.Long) return reply.LongForm;
        return Shorten(reply.Short, Math.Max(1, profile.MaxSmsParts));
    }

    /// <summary>Cuts a text at a word boundary, with an ellipsis, so it takes at most <paramref name="maxParts"/> SMS parts.</summary>
    public static string Shorten(string text, int maxParts)
    {
        if (SmsLength.Measure(text).Parts <= maxParts) return text;

        // The ellipsis must not push a GSM-7 text into UCS-2 (which would halve its room), so GSM-7 texts get "...".
        var ellipsis = SmsLength.Measure(text).Encoding == SmsEncoding.Gsm7 ? "..." : "…";
        var cut = text.Length;
        while (cut > 0)
        {
            cut = text.LastIndexOf(' ', cut - 1);
            if (cut <= 0) break;
            var candidate = string.Concat(text.AsSpan(0, cut).TrimEnd(" ,.;:-".AsSpan()), ellipsis);
            if (SmsLength.Measure(candidate).Parts <= maxParts) return candidate;
        }

        // One endless word: cut by characters.
        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = string.Concat(text.AsSpan(0, length), ellipsis);
            if (SmsLength.Measure(candidate).Parts <= maxParts) return candidate;
        }
        return ellipsis;
    }
}
