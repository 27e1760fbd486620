namespace SelfService.Commands.Unanswered;

/// <summary>
/// Groups questions by what they ask rather than how: each wording is reduced to its terms (stems, synonyms folded),
/// wordings are taken most asked first, and each joins the group whose first (most asked) wording shares enough terms
/// with it, or starts a new group. Clustering around the most asked wording keeps groups from drifting: a chain of
/// small overlaps cannot pull unrelated questions together.
/// </summary>
public static class QuestionGrouping
{
    /// <summary>The least Jaccard overlap (shared terms ÷ all terms) for a wording to join a group.</summary>
    public const double MinimumOverlap = 0.5;

    /// <param name="termsOf">A text's terms in a language (<c>QuestionTerms.Of</c>).</param>
    /// <returns>Groups, most asked first, then most recently asked.</returns>
    public static IReadOnlyList<QuestionGroup> Group(IEnumerable<UnansweredAsk> asks, Func<string, string, IReadOnlySet<string>> termsOf)
    {
        ArgumentNullException.ThrowIfNull(asks);
        ArgumentNullException.ThrowIfNull(termsOf);

        // The same words in another case or spacing are one wording.
        var wordings = asks
            .Where(ask => !string.IsNullOrWhiteSpace(ask.Text))
            .GroupBy(ask => WordingKey(ask.Text), StringComparer.Ordinal)
            .Select(same => new Wording(same.ToList(), termsOf(same.MaxBy(a => a.At)!.Text, Majority(same.Select(a => a.Language)))))
            .OrderByDescending(w => w.Asks.Count).ThenByDescending(w => w.LastAsked).ThenBy(w => w.Text, StringComparer.Ordinal)
            .ToList();

        var groups = new List<List<Wording>>();
        foreach (var wording in wordings)
        {
            var home = wording.Terms.Count == 0 ? null : groups
                .Select(group => (Group: group, Overlap: Jaccard(group[0].Terms, wording.Terms)))
                .Where(candidate => candidate.Overlap >= MinimumOverlap)
                .OrderByDescending(candidate => candidate.Overlap)
                .Select(candidate => candidate.Group)
                .FirstOrDefault();
            if (home is null) groups.Add([wording]);
            else home.Add(wording);
        }

        return groups.Select(ToGroup)
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAsked).ThenBy(g => g.TypicalWording, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Shared terms over all terms of the two; 0 when either has none.</summary>
    public static double Jaccard(IReadOnlySet<string> first, IReadOnlySet<string> second)
    {
        if (first.Count == 0 || second.Count == 0) return 0;
        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared);
    }

    private static QuestionGroup ToGroup(List<Wording> members)
    {
        var asks = members.SelectMany(w => w.Asks).ToList();
        return new QuestionGroup(
            members[0].Text,
            Majority(asks.Select(a => a.Language)),
            asks.Count,
            [.. members.Select(w => w.Text)],
            [.. asks.Select(a => a.Language).Distinct().Order(StringComparer.Ordinal)],
            [.. asks.Select(a => a.Channel).Distinct().Order(StringComparer.Ordinal)],
            asks.Max(a => a.At));
    }

    private static string Majority(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static string WordingKey(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The asks of one wording; shown as its most recent spelling.</summary>
    private sealed record Wording(List<UnansweredAsk> Asks, IReadOnlySet<string> Terms)
    {
        public string Text => Asks.MaxBy(a => a.At)!.Text.Trim();

        public DateTimeOffset LastAsked => Asks.Max(a => a.At);
    }
}
