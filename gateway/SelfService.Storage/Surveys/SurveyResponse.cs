namespace SelfService.Storage.Surveys;

/// <summary>
/// One recipient's answers to one survey sent to them: where they are in it (the question awaiting an answer and how often
/// it was answered wrongly), what they answered, and the messages already applied (a message run again after a crash
/// changes nothing twice). Found by the channel and address the survey went to, since that is where the answers come from.
/// </summary>
public sealed class SurveyResponse
{
    /// <summary>For a campaign: its recipient's key (campaign, run, number); for CSAT: "csat:" and the ticket.</summary>
    public string Id { get; set; } = "";

    /// <summary>What the results are grouped by: the campaign's id, or <see cref="CsatSurveyId"/>.</summary>
    public string SurveyId { get; set; } = "";

    public string Run { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";
    public string? Msisdn { get; set; }
    public string? CustomerId { get; set; }
    public string Language { get; set; } = "";

    /// <summary>The survey as it was sent.</summary>
    public SurveyDefinition Survey { get; set; } = new();

    public SurveyState State { get; set; }

    /// <summary>The question awaiting an answer, while <see cref="SurveyState.Open"/>.</summary>
    public string? QuestionId { get; set; }

    /// <summary>Invalid answers to the question awaiting one.</summary>
    public int InvalidAnswers { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];

    /// <summary>Inbound messages already applied to it.</summary>
    public List<string> MessageIds { get; set; } = [];

    /// <summary>True once an answer that came after expiry was told so (it is told once).</summary>
    public bool LateAnswerTold { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string CsatSurveyId = "csat";
}

public enum SurveyState
{
    /// <summary>Sent, a question awaiting an answer.</summary>
    Open,

    /// <summary>Every question it came to was answered (or given up on after three invalid answers).</summary>
    Completed,

    /// <summary>No answer came in time.</summary>
    Expired,
}
