namespace SelfService.KnowledgeBase.Search;

/// <summary>
/// The constants of <see cref="ConfidenceScorer"/>, kept together so the tuning harness in the tests
/// (Evaluation/ScoringTuningTests) can vary them. The match degrees were chosen by leave-one-out over the sample
/// articles' own question variants; the unknown-word weight and the echo shares were then adjusted on the held-out
/// questions, together with <see cref="KnowledgeBaseOptions.MinimumScore"/>.
/// </summary>
internal sealed record ScoringParameters
{
    public static ScoringParameters Default { get; } = new();

    /// <summary>A Russian stem of the same family ("подключ" for "подключен"): nearly the same word.</summary>
    public double WordFamilyDegree { get; init; } = 0.8;

    /// <summary>A likely typo of an indexed term: a weak fallback, so a misspelt word counts but less than a correct one.</summary>
    public double TypoDegree { get; init; } = 0.7;

    /// <summary>A word found in only one of the article's question variants, not among its topic terms.</summary>
    public double IncidentalDegree { get; init; } = 0.6;

    /// <summary>The word appears only in the article's answers, which say much more than the questions they answer.</summary>
    public double AnswerOnlyDegree { get; init; } = 0.3;

    /// <summary>
    /// The weight of a word no article uses, as a share of the highest IDF. Below 1 because customers wrap questions in
    /// context ("my daughter", "since yesterday", a town) that no article should need; above 0 because a question made
    /// of such words is not ours to answer.
    /// </summary>
    public double UnknownWeight { get; init; } = 0.35;

    /// <summary>
    /// How much matched IDF mass (roughly: one rare or two ordinary topic words) makes the evidence complete. A question
    /// whose only match is a word half the articles use ("how much", "number") stays unconvincing however short it is.
    /// </summary>
    public double FullEvidence { get; init; } = 3.0;

    /// <summary>The share of the confidence that depends on echoing one of the article's phrasings.</summary>
    public double EchoShare { get; init; } = 0.1;

    /// <summary>The share of the ranking that depends on echoing one of the article's phrasings.</summary>
    public double RankEchoShare { get; init; } = 0.4;

    /// <summary>How much Lucene's BM25 rank (normalized to the best hit) may reorder articles whose ranking scores are close.</summary>
    public double LuceneRankShare { get; init; } = 0.1;
}
