using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>A campaign as staff write it (the API's body); checked by <see cref="CampaignRules"/> before anything is stored.</summary>
public sealed record CampaignDraft(
    string? Name,
    string? Topic,
    string? Channel,
    Dictionary<string, string>? Texts,
    string? DefaultLanguage,
    CampaignAudience? Audience,
    CampaignTrigger? Trigger,
    double? PartsPerSecond,
    string? QuietFrom,
    string? QuietUntil,
    string? TimeZone,
    SurveyDefinition? Survey = null);
