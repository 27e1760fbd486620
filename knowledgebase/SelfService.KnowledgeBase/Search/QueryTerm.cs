namespace SelfService.KnowledgeBase.Search;

/// <summary>An indexed term a question term stands for, and how sure we are of it (1 = the same stem).</summary>
internal readonly record struct TermExpansion(string Term, double Degree);

/// <summary>One analyzed term of a question: the indexed terms it matches and its IDF weight in the question.</summary>
internal sealed record QueryTerm(string Text, IReadOnlyList<TermExpansion> Expansions, double Weight);
