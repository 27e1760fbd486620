using System.Text;

namespace SelfService.Speech.Synthesis;

/// <summary>
/// What is actually sent to the synthesizer (and keys the cache): whitespace and control characters collapsed to
/// single spaces, and a text over the limit cut by a fixed rule, so two spellings of one prompt share one recording.
/// </summary>
public static class SpeechText
{
    /// <summary>
    /// Collapses whitespace, then, when longer than <paramref name="maxLength"/>, cuts after the last sentence end
    /// (. ! ? …) in the limit; with none in its second half, at the last space there; with no space either, at the limit.
    /// </summary>
    public static string Prepare(string text, int maxLength, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collapsed = Collapse(text);
        truncated = collapsed.Length > maxLength;
        if (!truncated) return collapsed;

        var window = collapsed.AsSpan(0, maxLength);
        var half = maxLength / 2;
        var sentenceEnd = window.LastIndexOfAny(".!?…");
        if (sentenceEnd >= half) return collapsed[..(sentenceEnd + 1)];
        // A cut exactly at a space keeps the last word whole.
        if (collapsed[maxLength] == ' ') return collapsed[..maxLength].TrimEnd();
        var space = window.LastIndexOf(' ');
        if (space >= half) return collapsed[..space].TrimEnd();
        var cut = char.IsHighSurrogate(collapsed[maxLength - 1]) ? maxLength - 1 : maxLength;
        return collapsed[..cut];
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
