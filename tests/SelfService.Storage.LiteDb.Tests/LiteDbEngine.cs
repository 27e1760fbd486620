using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage;
using SelfService.Storage.Channels;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Contract;
using SelfService.Storage.Contract.Campaigns;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.Messages;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Staff;
using SelfService.Storage.Statistics;
using SelfService.Testing;

namespace SelfService.Storage.LiteDb.Tests;

/// <summary>The embedded engine on a file of its own, in a folder that goes with the test.</summary>
internal sealed class LiteDbEngine(Durability durability = Durability.WrittenToOs) : IStorageEngine
{
    private readonly TemporaryFolder _folder = new();

    public string File => _folder.File("gateway.db");

    public Task<IStorageUnderTest> OpenAsync() =>
        Task.FromResult<IStorageUnderTest>(new Opened(new LiteStorage(File, new LiteDbStorageOptions { Durability = durability }, NullLoggerFactory.Instance)));

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Opened(LiteStorage storage) : IStorageUnderTest, ICampaignStorageUnderTest
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

        public IReadOnlyCollection<string> Containers() => [.. storage.Database.GetCollectionNames()];

        public ValueTask DisposeAsync()
        {
            storage.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
