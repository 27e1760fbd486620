namespace SelfService.Storage.Surveys;

/// <summary>Skip logic: an answer whose value is one of <see cref="Answers"/> goes to <see cref="GoTo"/>.</summary>
public sealed class SurveyJump
{
    /// <summary>Stored values ("no", "1", an option's value).</summary>
    public List<string> Answers { get; set; } = [];

    /// <summary>A question's id, or <see cref="End"/>.</summary>
    public string GoTo { get; set; } = End;

    public const string End = "end";
}
