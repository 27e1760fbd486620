namespace SelfService.KnowledgeBase.Tests.Evaluation;

/// <summary>One line of heldout-questions.tsv; <see cref="ExpectedId"/> is null for an off-topic question.</summary>
internal sealed record HeldOutQuestion(string Language, string? ExpectedId, string Text)
{
    public static List<HeldOutQuestion> Load(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => parts.Length == 3
                ? new HeldOutQuestion(parts[0], parts[1] == "-" ? null : parts[1], parts[2])
                : throw new FormatException($"Expected 3 tab-separated columns: {string.Join('|', parts)}"))
            .ToList();
}
