using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>Bound from "Surveys:Csat": the satisfaction survey sent when an agent closes a conversation.</summary>
public sealed class CsatOptions
{
    public const string Section = "Surveys:Csat";

    /// <summary>Off unless switched on: a customer gets the question only where the operator wants it asked.</summary>
    public bool Enabled { get; set; }

    /// <summary>The survey; none configured: <see cref="Default"/> (a 1-5 score, and what to improve when it is 3 or less).</summary>
    public SurveyDefinition? Survey { get; set; }

    public SurveyDefinition SurveyOrDefault => Survey is { Questions.Count: > 0 } configured ? configured : Default();

    public static SurveyDefinition Default() => new()
    {
        ExpiresAfterMinutes = 24 * 60,
        Questions =
        [
            new SurveyQuestion
            {
                Id = "score", Kind = QuestionKind.Score5,
                Texts = new() { ["ru"] = "Оцените, пожалуйста, как вам помогли.", ["en"] = "How well were you helped? Please rate us." },
                Jumps = [new SurveyJump { Answers = ["4", "5"], GoTo = SurveyJump.End }],
            },
            new SurveyQuestion
            {
                Id = "improve", Kind = QuestionKind.FreeText,
                Texts = new() { ["ru"] = "Что нам сделать лучше?", ["en"] = "What should we do better?" },
            },
        ],
    };
}
