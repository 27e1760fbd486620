using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Channels;
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

namespace SelfService.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL engine on a database of its own in the assembly's cluster, dropped with the test.</summary>
internal sealed class PostgreSqlEngine : IStorageEngine
{
    private string? _database;

    public string Database => _database ?? throw new InvalidOperationException("Not opened yet.");

    public async Task<IStorageUnderTest> OpenAsync()
    {
        _database ??= await Cluster.Server.CreateDatabaseAsync(Cluster.MigratedTemplate);
        return new Opened(PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await Cluster.Server.DropDatabaseAsync(_database);
    }

    private sealed class Opened(PostgreSqlStorage storage) : IStorageUnderTest, ICampaignStorageUnderTest
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

        public IReadOnlyCollection<string> Containers() => [.. storage.TablesAsync(CancellationToken.None).GetAwaiter().GetResult()];

        public ValueTask DisposeAsync() => storage.DisposeAsync();
    }
}
