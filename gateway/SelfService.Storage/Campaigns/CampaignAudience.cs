namespace SelfService.Storage.Campaigns;

/// <summary>Who a campaign goes to: a segment of the subscribers the gateway knows, or a list of numbers staff uploaded.</summary>
public sealed class CampaignAudience
{
    public AudienceKind Kind { get; set; }

    /// <summary>Segment: only subscribers in one of these languages (empty: any).</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Segment: only subscribers on one of these tariffs (empty: any).</summary>
    public List<string> Tariffs { get; set; } = [];

    /// <summary>Segment: only subscribers with one of these services active (empty: any).</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>Segment: only numbers beginning with one of these E.164 prefixes, the region ("+7916"); empty: any.</summary>
    public List<string> NumberPrefixes { get; set; } = [];

    /// <summary>Segment: only customers who linked one of these channels (telegram, email...); empty: any.</summary>
    public List<string> LinkedChannels { get; set; } = [];

    /// <summary>Segment: only customers whose last message to us (any channel) came at or after this; null: any.</summary>
    public DateTimeOffset? LastContactAfter { get; set; }

    /// <summary>Segment: only customers whose last message to us came before this, or who never wrote; null: any.</summary>
    public DateTimeOffset? LastContactBefore { get; set; }

    /// <summary>Segment: only customers who answered a survey's question one of the given ways; null: any.</summary>
    public SurveyAnswerFilter? AnsweredSurvey { get; set; }
}

/// <summary>Customers who gave one of <see cref="Values"/> (stored values: an option's value, "yes", "4") to a survey's question.</summary>
public sealed class SurveyAnswerFilter
{
    /// <summary>The survey: a campaign's id, or "csat".</summary>
    public string SurveyId { get; set; } = "";

    public string QuestionId { get; set; } = "";

    public List<string> Values { get; set; } = [];
}

public enum AudienceKind
{
    Segment,
    List,
}
