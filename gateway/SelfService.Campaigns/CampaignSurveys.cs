using SelfService.Commands.Surveys;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>
/// A campaign whose content is a survey: its first message (the campaign's text, then the first question as the channel
/// shows it) and each recipient's response, started before the message goes so the first answer finds it.
/// </summary>
public sealed class CampaignSurveys(ISurveyStore surveys, SurveyPrompts prompts)
{
    public (string Text, List<string> Choices) FirstMessage(SurveyDefinition survey, string lead, string language, string channel) =>
        SurveyPrompts.ForOutbox(prompts.Ask(survey.Questions[0], language, channel, lead), channel);

    /// <summary>What a preview counts: the text, and for a survey its first question after it as SMS shows it.</summary>
    public string FirstMessageTemplate(Campaign campaign, string language, string template) =>
        campaign.Survey is { Questions.Count: > 0 } survey ? prompts.Ask(survey.Questions[0], language, campaign.Channel, template).Short : template;

    public Task<bool> StartAsync(Campaign campaign, SurveyDefinition survey, CampaignRecipient recipient, string address, string? customerId,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        surveys.StartAsync(new SurveyResponse
        {
            Id = recipient.Id, SurveyId = campaign.Id, Run = recipient.Run, Channel = campaign.Channel, Address = address, Msisdn = recipient.Msisdn,
            CustomerId = customerId, Language = recipient.Language, Survey = survey, State = SurveyState.Open, QuestionId = survey.Questions[0].Id,
            StartedAt = now, ExpiresAt = now.AddMinutes(survey.ExpiresAfterMinutes), UpdatedAt = now,
        }, cancellationToken);
}
