namespace SelfService.Storage.Surveys;

/// <summary>One question's answer: the value stored (null: given up on after invalid answers), and what the recipient wrote.</summary>
public sealed class SurveyAnswer
{
    public string QuestionId { get; set; } = "";
    public string? Value { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
