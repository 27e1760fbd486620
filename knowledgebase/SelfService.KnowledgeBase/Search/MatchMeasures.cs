namespace SelfService.KnowledgeBase.Search;

/// <summary>The three measures of how well an article matches a question, each in [0, 1]; see <see cref="ConfidenceScorer"/>.</summary>
internal readonly record struct MatchMeasures(double Coverage, double Evidence, double Echo)
{
    public static MatchMeasures None { get; } = new(0, 0, 0);

    /// <summary>The score callers compare with the threshold.</summary>
    public double Confidence(ScoringParameters parameters) => Blend(parameters.EchoShare);

    /// <summary>
    /// The order among articles: echo weighs more here than in the confidence, because which of two close articles a
    /// question repeats says a lot about which one it means, but little about whether either answers it.
    /// </summary>
    public double Rank(ScoringParameters parameters) => Blend(parameters.RankEchoShare);

    private double Blend(double echoShare) => Math.Clamp(Coverage * Evidence * (1 - echoShare + (echoShare * Echo)), 0, 1);
}
