using Microsoft.Extensions.DependencyInjection;
using SelfService.Commands.Conversations;
using SelfService.Commands.Customers;
using SelfService.Commands.Escalation;
using SelfService.Commands.History;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Commands.Unanswered;

namespace SelfService.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command processor and what it keeps: customers, history, conversations, the escalation
    /// queue and the access policies; and the unanswered questions editors read from that history. The host
    /// registers the ActionCatalogue, the provisioning backend, the knowledge base, ILiteDatabase and TimeProvider,
    /// and binds the options.
    /// </summary>
    public static IServiceCollection AddCommandProcessing(this IServiceCollection services)
    {
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<EscalationRouting>();
        services.AddSingleton<EscalationQueue>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton(sp => new LinkingGuard(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessPolicyOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => ReplyTexts.LoadDefault());
        services.AddSingleton<ServiceDirectory>();
        services.AddSingleton<CommandProcessor>();
        services.AddSingleton<UnansweredQuestions>();
        return services;
    }
}
