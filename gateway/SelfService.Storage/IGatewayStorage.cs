using SelfService.Storage.Campaigns;
using SelfService.Storage.Channels;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.Instances;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.Leases;
using SelfService.Storage.Messages;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Staff;
using SelfService.Storage.Statistics;
using SelfService.Storage.Surveys;

namespace SelfService.Storage;

/// <summary>
/// Everything the gateway keeps, as one engine opens it: a store per aggregate, and the engine's own maintenance. The
/// host registers each store from it (<see cref="StorageServiceCollectionExtensions.AddStoresOf{TEngine}"/>), and
/// the contract tests reach an engine through it.
/// </summary>
public interface IGatewayStorage : IStorageMaintenance
{
    IInboundLog Inbound { get; }
    IOutbox Outbox { get; }
    IConversationStore Conversations { get; }
    ICustomerStore Customers { get; }
    IHistoryStore History { get; }
    IProvisioningStore Provisioning { get; }

    // The channels' own state.
    IConcatenatedPartStore ConcatenatedParts { get; }
    IEmailThreadStore EmailThreads { get; }
    ITelegramChatStore TelegramChats { get; }
    IWebChatStore WebChat { get; }
    IDirectLineTranscriptStore DirectLineTranscripts { get; }

    // Staff, the desk and the knowledge base.
    ISigningKeyStore SigningKeys { get; }
    IStaffAccountStore StaffAccounts { get; }
    IApiTokenStore ApiTokens { get; }
    IAuditLog Audit { get; }
    IEscalationStore Escalations { get; }
    IArticleStore Articles { get; }
    ITrafficStatisticsStore Traffic { get; }

    // Campaigns.
    ICampaignStore Campaigns { get; }
    IOptOutStore OptOuts { get; }
    IAudienceSource Audience { get; }
    ISurveyStore Surveys { get; }

    // Which instance owns each connection (an SMPP bind, a long poll, a mailbox).
    ILeaseStore Leases { get; }

    // The instances sharing the store, by their heartbeats.
    IGatewayInstanceStore Instances { get; }
}
