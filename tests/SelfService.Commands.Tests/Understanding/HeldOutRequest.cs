using SelfService.Commands.Understanding;
using SelfService.Messaging;

namespace SelfService.Commands.Tests.Understanding;

/// <summary>One line of held-out.tsv: a request as a customer wrote it, and what it asks for.</summary>
internal sealed record HeldOutRequest(string Language, string Intent, string? Slot, string Text)
{
    public const string Question = "QUESTION";
    public const string Clarify = "CLARIFY";

    public static List<HeldOutRequest> Load(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => parts.Length == 4
                ? new HeldOutRequest(parts[0], parts[1], parts[2] == "-" ? null : parts[2], parts[3])
                : throw new FormatException($"Expected 4 tab-separated columns: {string.Join('|', parts)}"))
            .ToList();

    /// <summary>Whether the interpreter read the request as expected; a question must be left to the knowledge base.</summary>
    public bool IsMetBy(Interpretation interpretation) => (Intent, interpretation) switch
    {
        (Question, NoRequest) => true,
        (Clarify, UnclearRequest unclear) =>
            unclear.Candidates.Select(c => c.Argument).Order().SequenceEqual(Slot!.Split(',').Order()),
        (_, UnderstoodRequest request) => request.Code == Intent && (request.Argument == Slot || SameNumber(request.Argument, Slot)),
        _ => false,
    };

    // The layer hands a phone number on as written ("89161234567"); LINK and AGENT read it with the operator's region, as
    // here, so a national form that reaches the same E.164 number is the right slot.
    private static readonly MsisdnNormalizer Numbers = new("RU");

    private static bool SameNumber(string? said, string? expected) =>
        said is not null && expected is not null && expected.StartsWith('+')
        && Numbers.TryNormalize(said, out var number) && number == expected;

    public static string Describe(Interpretation interpretation) => interpretation switch
    {
        UnderstoodRequest request => request.AsCode,
        UnclearRequest unclear => $"{Clarify} {string.Join(" | ", unclear.Candidates.Select(c => c.AsCode))}{(unclear.MayBeQuestion ? " | question" : "")}",
        _ => Question,
    };
}
