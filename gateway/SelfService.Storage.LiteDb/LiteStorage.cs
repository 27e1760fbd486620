using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using SelfService.Storage.Channels;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.LiteDb.Channels;
using SelfService.Storage.Messages;
using SelfService.Storage.LiteDb.Provisioning;
using SelfService.Storage.Provisioning;
using SelfService.Storage.LiteDb.Escalations;
using SelfService.Storage.LiteDb.Staff;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.LiteDb.KnowledgeBase;
using SelfService.Storage.Staff;
using SelfService.Storage.Statistics;
using SelfService.Storage.LiteDb.Statistics;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;
using SelfService.Storage.LiteDb.Campaigns;
using SelfService.Storage.Instances;
using SelfService.Storage.Leases;
using SelfService.Storage.LiteDb.Instances;
using SelfService.Storage.LiteDb.Leases;

namespace SelfService.Storage.LiteDb;

/// <summary>
/// The gateway's LiteDB file, opened once, and the stores over it. Every write goes through the
/// <see cref="GroupCommitWriter"/>, the one thread that writes (LiteDB 5 corrupted its indexes under concurrent writes
/// from several threads); reads run on the caller's thread.
/// </summary>
public sealed class LiteStorage : IGatewayStorage, IStorageExport, IDisposable
{
    private readonly LiteDatabase _writes;
    private readonly LiteDatabase _reads;
    private readonly GroupCommitWriter _writer;
    private readonly LiteRetention _retention;

    /// <summary>Opens (or creates) <paramref name="file"/>; null opens a database in memory (tests).</summary>
    public LiteStorage(string? file, LiteDbStorageOptions options, ILoggerFactory loggers)
        : this(file, null, options, loggers)
    {
    }

    /// <summary>
    /// Opens the database on <paramref name="streams"/> instead of files LiteDB opens itself: for tests that make the disk
    /// fail underneath a real engine (a full disk, a read-only file).
    /// </summary>
    internal LiteStorage(string? file, (Stream Data, Stream Log)? streams, LiteDbStorageOptions options, ILoggerFactory loggers)
    {
        if (file is not null) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        // Customer text must be kept exactly as sent: LiteDB's defaults trim strings and store "" as null.
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false };
        mapper.Entity<ConversationState>().Id(s => s.Key, autoId: false);
        LiteChannelMappings.Register(mapper);
        // Keys compare as the bytes they are (an SMS content hash, a Message-ID, a token's hash): ordinal is both right and
        // fast, where LiteDB's default compares them culture-aware and case-blind. A file keeps the collation it was made with.
        var collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);
        var memory = file is null && streams is null ? new MemoryStream() : null;
        // A new engine each time: after a disk error the file is opened again (see ReopenableEngine).
        var engine = new ReopenableEngine(() => new LiteEngine(streams is { } given
            ? new EngineSettings { DataStream = given.Data, LogStream = given.Log, Collation = collation }
            : memory is not null
                ? new EngineSettings { DataStream = memory, Collation = collation }
                : new EngineSettings { Filename = file, Collation = collation }));
        // The writer's own database: nothing else writes, so its batches need no lock to take turns with anyone.
        _writes = new LiteDatabase(engine, mapper, disposeOnClose: true);
        // Reads go to the same engine on the caller's thread: LiteDB reads a snapshot while one writer writes, so a read
        // never waits for a group commit to finish.
        var reads = new LiteDatabase(engine, mapper, disposeOnClose: false);
        _reads = reads;
        CreateCollections(_writes);
        LiteLeaseStore.ExpireAll(_writes);
        _writer = new GroupCommitWriter(_writes, engine, file, options, loggers.CreateLogger<GroupCommitWriter>());

        // Opened while nothing else uses the file yet: creating their indexes here is safe without the writer.
        var conversations = new LiteConversationStore(reads);
        Conversations = conversations;
        Customers = new LiteCustomerStore(reads, _writer);
        History = new LiteHistoryStore(reads, _writer);
        var outbox = new LiteOutbox(reads, _writer);
        Outbox = outbox;
        Inbound = new LiteInboundLog(reads, _writer, conversations, outbox);
        _retention = new LiteRetention(_writer);
        Provisioning = new LiteProvisioningStore(reads, _writer);
        ConcatenatedParts = new LiteConcatenatedPartStore(reads, _writer);
        EmailThreads = new LiteEmailThreadStore(reads, _writer);
        TelegramChats = new LiteTelegramChatStore(reads, _writer);
        WebChat = new LiteWebChatStore(reads, _writer);
        DirectLineTranscripts = new LiteDirectLineTranscriptStore(reads, _writer);
        SigningKeys = new LiteSigningKeyStore(reads, _writer);
        StaffAccounts = new LiteStaffAccountStore(reads, _writer);
        ApiTokens = new LiteApiTokenStore(reads, _writer);
        Audit = new LiteAuditLog(reads, _writer);
        Escalations = new LiteEscalationStore(reads, _writer);
        Articles = new LiteArticleStore(reads, _writer);
        Traffic = new LiteTrafficStatisticsStore(reads, _writer);
        Campaigns = new LiteCampaignStore(reads, _writer);
        OptOuts = new LiteOptOutStore(reads, _writer);
        Audience = new LiteAudienceSource(reads, Provisioning);
        Surveys = new LiteSurveyStore(reads, _writer);
        Leases = new LiteLeaseStore(reads, _writer);
        Instances = new LiteGatewayInstanceStore(reads, _writer);
    }

    /// <summary>
    /// Every collection the stores use. All are created when the file is opened, before anything reads or writes: LiteDB 5
    /// fails a read of a collection that a concurrent transaction is creating ("page type must be collection page", LiteDB
    /// issue 2792) and closes the engine over it. A store that adds a collection adds it here; the storage contract fails
    /// any test after which a collection exists that did not at open.
    /// </summary>
    internal static readonly string[] Collections =
    [
        LiteInboundLog.Collection, LiteOutbox.Collection, LiteOutbox.EarlyReceiptsCollection, LiteConversationStore.Collection,
        LiteCustomerStore.Collection, LiteHistoryStore.Collection,
        LiteProvisioningStore.ServicesCollection, LiteProvisioningStore.SubscribersCollection, LiteProvisioningStore.ChangeRequestsCollection,
        LiteProvisioningStore.AuditCollection,
        LiteConcatenatedPartStore.Collection, LiteEmailThreadStore.Collection, LiteTelegramChatStore.Chats, LiteTelegramChatStore.State,
        LiteTelegramChatStore.SentParts, LiteWebChatStore.Conversations, LiteWebChatStore.Activities, LiteDirectLineTranscriptStore.Conversations,
        LiteDirectLineTranscriptStore.Activities, LiteSigningKeyStore.Collection,
        LiteStaffAccountStore.Collection, LiteApiTokenStore.Collection, LiteAuditLog.Collection, LiteEscalationStore.Collection,
        LiteArticleStore.ArticlesCollection, LiteArticleStore.VersionsCollection, LiteArticleStore.TransitionsCollection,
        LiteTrafficStatisticsStore.Collection,
        LiteCampaignStore.Collection, LiteCampaignStore.NumbersCollection, LiteCampaignStore.RecipientsCollection,
        LiteOptOutStore.Collection, LiteOptOutStore.ChangesCollection, LiteSurveyStore.Collection, LiteLeaseStore.Collection,
        LiteGatewayInstanceStore.Collection,
    ];

    private static void CreateCollections(LiteDatabase database)
    {
        var existing = database.GetCollectionNames().ToHashSet(StringComparer.Ordinal);
        var missing = Collections.Where(c => !existing.Contains(c)).ToList();
        if (missing.Count == 0) return;
        // LiteDB has no "create collection": a document in and out again leaves it, empty.
        database.BeginTrans();
        foreach (var name in missing)
        {
            var collection = database.GetCollection(name);
            collection.Insert(new BsonDocument { ["_id"] = "created" });
            collection.Delete("created");
        }
        database.Commit();
    }

    public IInboundLog Inbound { get; }
    public IOutbox Outbox { get; }
    public IConversationStore Conversations { get; }
    public ICustomerStore Customers { get; }
    public IHistoryStore History { get; }
    public IProvisioningStore Provisioning { get; }

    // The channels' own state.
    public IConcatenatedPartStore ConcatenatedParts { get; }
    public IEmailThreadStore EmailThreads { get; }
    public ITelegramChatStore TelegramChats { get; }
    public IWebChatStore WebChat { get; }
    public IDirectLineTranscriptStore DirectLineTranscripts { get; }
    public ISigningKeyStore SigningKeys { get; }
    public IStaffAccountStore StaffAccounts { get; }
    public IApiTokenStore ApiTokens { get; }
    public IAuditLog Audit { get; }
    public IEscalationStore Escalations { get; }
    public IArticleStore Articles { get; }
    public ITrafficStatisticsStore Traffic { get; }

    // Campaigns and opt-outs.
    public ICampaignStore Campaigns { get; }
    public IOptOutStore OptOuts { get; }
    public IAudienceSource Audience { get; }
    public ISurveyStore Surveys { get; }

    public ILeaseStore Leases { get; }

    public IGatewayInstanceStore Instances { get; }

    /// <summary>The raw documents, for tests that check what is stored. Read only: every write goes through the writer.</summary>
    internal ILiteDatabase Database => _reads;

    public StorageHealth Health => _writer.Health;

    public Task<RetentionReport> PurgeAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        _retention.PurgeAsync(policy, now, cancellationToken);

    /// <summary>Everything in the file, as the port's records, for a move to another engine (stop the gateway first).</summary>
    public IAsyncEnumerable<StorageRecords> ExportAsync(int pageSize, CancellationToken cancellationToken) =>
        LiteExport.ExportAsync(_reads, pageSize, cancellationToken);

    /// <summary>The writer, for tests that queue writes of their own.</summary>
    internal GroupCommitWriter Writer => _writer;

    /// <summary>Group commits so far, and the writes they held.</summary>
    public (long Commits, long Writes) CommitStatistics => (_writer.Commits, _writer.Writes);

    public void Dispose()
    {
        _writer.Dispose();
        _writes.Dispose();
    }
}
