using SelfService.Messaging;
using SelfService.Messaging.Text;

namespace SelfService.Channels;

/// <summary>Picks the reply form a channel needs and, for SMS-sized channels, makes it fit deliberately.</summary>
public static class ReplySizer
{
    // 3GPP TS 24.090: a USSD string carries 160 octets: 182 packed GSM-7 characters or 80 UCS-2 ones.
    public const int UssdGsm7 = 182, UssdUcs2 = 80;

    public static string Fit(Reply reply, ChannelProfile profile) => profile.ReplyForm switch
    {
        ReplyForm.Long => reply.LongForm,
        ReplyForm.Ussd => FitUssd(reply, profile.Measure),
        ReplyForm.Voice => reply.ShortListsChoices ? reply.LongForm : reply.Short,
        _ => FitSms(reply, Math.Max(1, profile.MaxSmsParts), profile.Measure, profile.PartsOf),
    };

    /// <summary>The short text; with a <see cref="Reply.ChoicesHeading"/>, the numbered choices after it, kept whole while the text is cut.</summary>
    private static string FitSms(Reply reply, int maxParts, SmsMeasure? measure, SmsPartCounter? partsOf)
    {
        var choices = NumberedChoices(reply, withHeading: true);
        if (choices.Length == 0 || reply.ChoicesHeading is null) return Shorten(reply.Short, maxParts, measure, partsOf);
        measure ??= Strictest;
        partsOf ??= t => measure(t).Parts;
        if (partsOf(reply.Short + choices) <= maxParts) return reply.Short + choices;
        var shortened = Shorten(reply.Short, maxParts, measure, t => partsOf(t + choices));
        return partsOf(shortened + choices) <= maxParts ? shortened + choices : Shorten(reply.Short + choices, maxParts, measure, partsOf);
    }

    /// <summary>"\n[heading\n]1. a\n2. b" for choices the short text does not list itself; "" otherwise.</summary>
    private static string NumberedChoices(Reply reply, bool withHeading) =>
        reply.Choices is { Count: > 0 } && !reply.ShortListsChoices
            ? "\n" + (withHeading && reply.ChoicesHeading is { } heading ? heading + "\n" : "") + string.Join("\n", reply.Choices.Select((c, i) => $"{i + 1}. {c}"))
            : "";

    /// <summary>The text with its choices numbered (no heading: a USSD screen always numbers); if too long, the text is cut and the choices kept whole.</summary>
    private static string FitUssd(Reply reply, SmsMeasure? measure)
    {
        measure ??= Strictest;
        var choices = NumberedChoices(reply, withHeading: false);
        var text = reply.Short + choices;
        if (FitsUssd(text, measure)) return text;
        var ellipsis = measure(text).Encoding == SmsEncoding.Gsm7 ? "..." : "…";
        for (var cut = reply.Short.Length - 1; cut > 0; cut--)
        {
            var candidate = reply.Short[..cut].TrimEnd() + ellipsis + choices;
            if (FitsUssd(candidate, measure)) return candidate;
        }
        return choices.TrimStart('\n');
    }

    private static bool FitsUssd(string text, SmsMeasure measure)
    {
        var length = measure(text);
        return length.Units <= (length.Encoding == SmsEncoding.Gsm7 ? UssdGsm7 : UssdUcs2);
    }

    /// <summary>
    /// Splits a text a person wrote (an agent's reply) into as few messages of at most <paramref name="maxParts"/> SMS
    /// parts each as it takes, at word boundaries: nothing of what they wrote is cut off. Parts are counted by
    /// <paramref name="partsOf"/>, else by <paramref name="measure"/> (153/67 characters a part).
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxParts, SmsMeasure? measure, SmsPartCounter? partsOf = null)
    {
        maxParts = Math.Max(1, maxParts);
        measure ??= Strictest;
        partsOf ??= t => measure(t).Parts;
        var messages = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (partsOf(candidate) <= maxParts)
            {
                current = candidate;
                continue;
            }
            if (current.Length > 0) messages.Add(current);
            current = word;
            // A single word longer than a whole message: cut it by characters.
            while (partsOf(current) > maxParts)
            {
                var length = current.Length - 1;
                while (partsOf(current[..length]) > maxParts) length--;
                messages.Add(current[..length]);
                current = current[length..];
            }
        }
        if (current.Length > 0) messages.Add(current);
        return messages;
    }

    /// <summary>
    /// Cuts a text at a word boundary, with an ellipsis, so it takes at most <paramref name="maxParts"/> SMS parts as
    /// <paramref name="partsOf"/> counts them (by default as <paramref name="measure"/> does, 153/67 characters a part).
    /// </summary>
    public static string Shorten(string text, int maxParts, SmsMeasure? measure, SmsPartCounter? partsOf = null)
    {
        measure ??= Strictest;
        partsOf ??= t => measure(t).Parts;
        if (partsOf(text) <= maxParts) return text;

        // The ellipsis must not push a GSM-7 text into UCS-2 (which would halve its room), so GSM-7 texts get "...".
        var ellipsis = measure(text).Encoding == SmsEncoding.Gsm7 ? "..." : "…";
        var cut = text.Length;
        while (cut > 0)
        {
            cut = text.LastIndexOf(' ', cut - 1);
            if (cut <= 0) break;
            var candidate = string.Concat(text.AsSpan(0, cut).TrimEnd(" ,.;:-".AsSpan()), ellipsis);
            if (partsOf(candidate) <= maxParts) return candidate;
        }

        // One endless word: cut by characters.
        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = string.Concat(text.AsSpan(0, length), ellipsis);
            if (partsOf(candidate) <= maxParts) return candidate;
        }
        return ellipsis;
    }

    /// <summary>For a channel that gives no measure: every text as UCS-2, which any channel can carry in that room.</summary>
    private static SmsLength Strictest(string text) => new(SmsEncoding.Ucs2, text.Length,
        text.Length <= SmsLength.Ucs2Single ? 1 : (text.Length + SmsLength.Ucs2Part - 1) / SmsLength.Ucs2Part);
}
