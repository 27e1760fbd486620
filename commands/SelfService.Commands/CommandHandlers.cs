namespace SelfService.Commands;

/// <summary>The handlers the processor hands a message to, once it knows what the message asks for.</summary>
internal sealed record CommandHandlers(ServiceCommands Services, IdentityLinking Linking, QuestionAnswering Questions, Menus.MenuNavigation Menus, Understanding.Clarification Clarification,
    HelpReplies Help, LanguageChoice Language, Campaigns.MarketingConsent Consent, Surveys.SurveyAnswering Surveys);
