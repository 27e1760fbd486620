using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Commands.Customers;
using SelfService.Commands.Escalation;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Commands.Unanswered;
using SelfService.Messaging;

namespace SelfService.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command processor, its handlers and what they keep: customers, the escalation queue and the access
    /// policies; and the unanswered questions editors read from the history. The host registers the storage port, the
    /// ActionCatalogue, the menus, the provisioning backend, the knowledge base and TimeProvider, and binds the options.
    /// </summary>
    public static IServiceCollection AddCommandProcessing(this IServiceCollection services)
    {
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<EscalationRouting>();
        services.AddSingleton<EscalationQueue>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton(sp => new LinkingGuard(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessPolicyOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => ReplyTexts.LoadDefault());
        services.AddSingleton<ServiceDirectory>();
        services.AddSingleton<UnansweredQuestions>();
        services.AddSingleton(sp => new MsisdnNormalizer(sp.GetRequiredService<IOptions<CommandOptions>>().Value.DefaultRegion));
        services.AddSingleton<ServiceCommands>();
        services.AddSingleton<IdentityLinking>();
        services.AddSingleton<QuestionAnswering>();
        services.AddSingleton<Menus.MenuNavigation>();
        services.AddSingleton<Understanding.RequestUnderstanding>();
        services.AddSingleton<Understanding.Clarification>();
        services.AddSingleton<HelpReplies>();
        services.AddSingleton<Answers.ServiceFacts>();
        services.AddSingleton<LanguageChoice>();
        services.AddSingleton<Campaigns.MarketingConsent>();
        services.AddSingleton<Surveys.SurveyPrompts>();
        services.AddSingleton<Surveys.SurveyAnswering>();
        services.AddSingleton<CommandHandlers>();
        services.AddSingleton<CustomerLookup>();
        services.AddSingleton<CommandDecisions>();
        services.AddSingleton<CommandAnswers>();
        services.AddSingleton(sp => new CommandProcessor(
            sp.GetRequiredService<CustomerLookup>(), sp.GetRequiredService<CommandDecisions>(), sp.GetRequiredService<CommandAnswers>(),
            sp.GetRequiredService<ILogger<CommandProcessor>>()));
        return services;
    }
}
