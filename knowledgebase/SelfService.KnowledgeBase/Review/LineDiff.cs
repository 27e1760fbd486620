namespace SelfService.KnowledgeBase;

/// <summary>
/// A line diff by longest common subsequence: the lines both texts keep, in order, are unchanged; the rest of the
/// old text is removed and the rest of the new one added. Where lines were replaced, removals come before additions.
/// </summary>
public static class LineDiff
{
    /// <summary>
    /// Above this many table cells (old × new lines, after the common head and tail are set aside) the middle is shown
    /// as all removed then all added: still a true diff, just not the smallest, and the table's memory stays bounded.
    /// </summary>
    internal const int MaxTableCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var head = 0;
        while (head < before.Count && head < after.Count && before[head] == after[head]) head++;
        var tail = 0;
        while (tail < before.Count - head && tail < after.Count - head && before[^(tail + 1)] == after[^(tail + 1)]) tail++;

        var result = new List<DiffLine>(Math.Max(before.Count, after.Count));
        for (var i = 0; i < head; i++) result.Add(new DiffLine(DiffKind.Unchanged, before[i]));
        var oldMiddle = before.Skip(head).Take(before.Count - head - tail).ToList();
        var newMiddle = after.Skip(head).Take(after.Count - head - tail).ToList();
        AddMiddle(result, oldMiddle, newMiddle);
        for (var i = before.Count - tail; i < before.Count; i++) result.Add(new DiffLine(DiffKind.Unchanged, before[i]));
        return result;
    }

    /// <summary>Splits a text into lines (\n, \r\n or \r) for <see cref="Compare"/>; an empty text has no lines.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        string.IsNullOrEmpty(text) ? [] : text.ReplaceLineEndings("\n").Split('\n');

    private static void AddMiddle(List<DiffLine> result, List<string> before, List<string> after)
    {
        if ((long)before.Count * after.Count > MaxTableCells)
        {
            result.AddRange(before.Select(line => new DiffLine(DiffKind.Removed, line)));
            result.AddRange(after.Select(line => new DiffLine(DiffKind.Added, line)));
            return;
        }

        // common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < before.Count && y < after.Count)
        {
            if (before[x] == after[y])
            {
                result.Add(new DiffLine(DiffKind.Unchanged, before[x]));
                x++;
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                result.Add(new DiffLine(DiffKind.Removed, before[x++]));
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, after[y++]));
            }
        }

        while (x < before.Count) result.Add(new DiffLine(DiffKind.Removed, before[x++]));
        while (y < after.Count) result.Add(new DiffLine(DiffKind.Added, after[y++]));
    }
}
