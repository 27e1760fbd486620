using SelfService.Storage.Campaigns;
using SelfService.Storage.Channels;
using SelfService.Storage.Contract.Campaigns;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.Leases;
using SelfService.Storage.Messages;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Staff;
using SelfService.Storage.Statistics;

namespace SelfService.Storage.Contract;

/// <summary>An engine's opened storage as the contract drives it; the engine's tests add how its containers are listed and how it closes.</summary>
public abstract class GatewayStorageUnderTest(IGatewayStorage storage) : IStorageUnderTest, ICampaignStorageUnderTest
{
    public IInboundLog Inbound => storage.Inbound;
    public IOutbox Outbox => storage.Outbox;
    public IConversationStore Conversations => storage.Conversations;
    public ICustomerStore Customers => storage.Customers;
    public IHistoryStore History => storage.History;
    public IProvisioningStore Provisioning => storage.Provisioning;
    public IStorageMaintenance Maintenance => storage;
    public IConcatenatedPartStore ConcatenatedParts => storage.ConcatenatedParts;
    public IEmailThreadStore EmailThreads => storage.EmailThreads;
    public ITelegramChatStore TelegramChats => storage.TelegramChats;
    public IWebChatStore WebChat => storage.WebChat;
    public IDirectLineTranscriptStore DirectLineTranscripts => storage.DirectLineTranscripts;
    public ISigningKeyStore SigningKeys => storage.SigningKeys;
    public IStaffAccountStore StaffAccounts => storage.StaffAccounts;
    public IApiTokenStore ApiTokens => storage.ApiTokens;
    public IAuditLog Audit => storage.Audit;
    public IEscalationStore Escalations => storage.Escalations;
    public IArticleStore Articles => storage.Articles;
    public ITrafficStatisticsStore Traffic => storage.Traffic;
    public ICampaignStore Campaigns => storage.Campaigns;
    public IOptOutStore OptOuts => storage.OptOuts;
    public IAudienceSource Audience => storage.Audience;
    public Surveys.ISurveyStore Surveys => storage.Surveys;
    public ILeaseStore Leases => storage.Leases;

    public abstract IReadOnlyCollection<string> Containers();

    public abstract ValueTask DisposeAsync();
}
