namespace SelfService.Storage.Surveys;

/// <summary>
/// A survey: its questions in order, with skip logic, and how long a recipient has to answer. A campaign whose content is a
/// survey carries one; the CSAT survey after an agent closes a conversation is one from configuration. Each response keeps
/// a copy, so an answer is read against the survey as it was sent, whatever staff change later.
/// </summary>
public sealed class SurveyDefinition
{
    public List<SurveyQuestion> Questions { get; set; } = [];

    /// <summary>How long after it is sent a survey takes answers; a later answer is told the survey has closed.</summary>
    public int ExpiresAfterMinutes { get; set; } = 24 * 60;

    /// <summary>What the recipient is told after the last answer, per language; empty: the gateway's own thanks.</summary>
    public Dictionary<string, string> Thanks { get; set; } = [];

    public SurveyQuestion? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}
