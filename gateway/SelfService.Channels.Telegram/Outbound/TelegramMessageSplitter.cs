namespace SelfService.Channels.Telegram.Outbound;

/// <summary>
/// Cuts a Markdown answer into messages Telegram accepts: at most <see cref="MaxLength"/> characters each after its
/// HTML is parsed (https://core.telegram.org/bots/api#sendmessage). Cuts fall between paragraphs where possible, else
/// between lines, else between words, and only as a last resort inside a word. Each part is rendered on its own, so a
/// cut through a Markdown construct degrades its formatting, never the HTML.
/// </summary>
public static class TelegramMessageSplitter
{
    public const int MaxLength = 4096;

    private static readonly string[] Separators = ["\n\n", "\n", " "];

    /// <summary>The parts in order; empty when the text shows nothing.</summary>
    public static IReadOnlyList<RenderedText> Split(string markdown, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var parts = new List<RenderedText>();
        Pack(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), 0, maxLength, parts);
        return parts;
    }

    private static void Pack(string text, int level, int maxLength, List<RenderedText> parts)
    {
        var whole = TelegramHtml.Render(text);
        if (whole.Plain.Length <= maxLength)
        {
            Add(whole, parts);
            return;
        }
        if (level == Separators.Length)
        {
            CutInsideWord(text, maxLength, parts);
            return;
        }

        var separator = Separators[level];
        var current = "";
        RenderedText? currentRendered = null;
        foreach (var piece in text.Split(separator))
        {
            var candidate = current.Length == 0 ? piece : current + separator + piece;
            var rendered = TelegramHtml.Render(candidate);
            if (rendered.Plain.Length <= maxLength)
            {
                current = candidate;
                currentRendered = rendered;
                continue;
            }
            if (currentRendered is not null) Add(currentRendered, parts);
            current = "";
            currentRendered = null;
            var alone = TelegramHtml.Render(piece);
            if (alone.Plain.Length <= maxLength)
            {
                current = piece;
                currentRendered = alone;
            }
            else
            {
                Pack(piece, level + 1, maxLength, parts);
            }
        }
        if (currentRendered is not null) Add(currentRendered, parts);
    }

    /// <summary>One endless word: the longest prefix that fits, repeatedly, never splitting a surrogate pair.</summary>
    private static void CutInsideWord(string text, int maxLength, List<RenderedText> parts)
    {
        while (text.Length > 0)
        {
            int low = 1, high = text.Length, best = 0;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (TelegramHtml.Render(text[..middle]).Plain.Length <= maxLength) { best = middle; low = middle + 1; }
                else high = middle - 1;
            }
            if (best == 0) best = 1;
            if (best < text.Length && char.IsHighSurrogate(text[best - 1]) && best > 1) best--;
            Add(TelegramHtml.Render(text[..best]), parts);
            text = text[best..];
        }
    }

    private static void Add(RenderedText rendered, List<RenderedText> parts)
    {
        if (rendered.Plain.Length > 0) parts.Add(rendered);
    }
}
