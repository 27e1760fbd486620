using SelfService.Storage.Channels;
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

/// <summary>One engine's stores over one database, as the contract tests drive them.</summary>
public interface IStorageUnderTest : IAsyncDisposable
{
    IInboundLog Inbound { get; }
    IOutbox Outbox { get; }
    IConversationStore Conversations { get; }
    ICustomerStore Customers { get; }
    IHistoryStore History { get; }
    IProvisioningStore Provisioning { get; }
    IStorageMaintenance Maintenance { get; }

    // The channels' own state.
    IConcatenatedPartStore ConcatenatedParts { get; }
    IEmailThreadStore EmailThreads { get; }
    ITelegramChatStore TelegramChats { get; }
    IWebChatStore WebChat { get; }
    IDirectLineTranscriptStore DirectLineTranscripts { get; }
    ISigningKeyStore SigningKeys { get; }
    IStaffAccountStore StaffAccounts { get; }
    IApiTokenStore ApiTokens { get; }
    IAuditLog Audit { get; }
    IEscalationStore Escalations { get; }
    IArticleStore Articles { get; }
    ITrafficStatisticsStore Traffic { get; }
    ILeaseStore Leases { get; }

    /// <summary>
    /// The engine's containers (collections, tables) as they are now. An engine creates them all when it opens, never while
    /// readers may be looking for them: the contract checks after every test that none appeared.
    /// </summary>
    IReadOnlyCollection<string> Containers();
}

/// <summary>Opens an engine's stores on a database of their own; reopening the same database is what a restarted gateway does.</summary>
public interface IStorageEngine : IAsyncDisposable
{
    /// <summary>The stores over this engine's database, opened (again, after the last was disposed).</summary>
    Task<IStorageUnderTest> OpenAsync();
}
