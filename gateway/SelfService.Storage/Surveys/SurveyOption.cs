namespace SelfService.Storage.Surveys;

/// <summary>One option of a choice: the value stored (and counted in the results), and its label per language.</summary>
public sealed class SurveyOption
{
    public string Value { get; set; } = "";
    public Dictionary<string, string> Labels { get; set; } = [];
}
