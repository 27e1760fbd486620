using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;
using SelfService.Storage.Channels;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.Messages;
using SelfService.Storage.PostgreSql.Campaigns;
using SelfService.Storage.PostgreSql.Channels;
using SelfService.Storage.PostgreSql.Escalations;
using SelfService.Storage.PostgreSql.KnowledgeBase;
using SelfService.Storage.Leases;
using SelfService.Storage.Instances;
using SelfService.Storage.PostgreSql.Instances;
using SelfService.Storage.PostgreSql.Leases;
using SelfService.Storage.PostgreSql.Provisioning;
using SelfService.Storage.PostgreSql.Schema;
using SelfService.Storage.PostgreSql.Staff;
using SelfService.Storage.PostgreSql.Statistics;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Staff;
using SelfService.Storage.Statistics;

namespace SelfService.Storage.PostgreSql;

/// <summary>
/// The gateway's PostgreSQL database and the stores over it. Opening it checks the connection string, reaches the server
/// and brings the schema up to date (<see cref="SchemaMigrator"/>), and says in plain words what is wrong when one of
/// those fails (<see cref="PostgreSqlStartException"/>). Several gateways may share the database: every read-check-write
/// step locks what it decides on, inside the database.
/// </summary>
public sealed class PostgreSqlStorage : IGatewayStorage, IStorageImport, IAsyncDisposable, IDisposable
{
    private readonly PgDatabase _database;
    private readonly PgRetention _retention;

    private PostgreSqlStorage(NpgsqlDataSource source, TimeProvider clock, ILoggerFactory loggers)
    {
        _database = new PgDatabase(source, clock, loggers.CreateLogger<PostgreSqlStorage>());
        var conversations = new PgConversationStore(_database);
        Conversations = conversations;
        Inbound = new PgInboundLog(_database, conversations);
        Outbox = new PgOutbox(_database);
        Customers = new PgCustomerStore(_database);
        History = new PgHistoryStore(_database);
        Provisioning = new PgProvisioningStore(_database);
        ConcatenatedParts = new PgConcatenatedPartStore(_database);
        EmailThreads = new PgEmailThreadStore(_database);
        TelegramChats = new PgTelegramChatStore(_database);
        WebChat = new PgWebChatStore(_database);
        DirectLineTranscripts = new PgDirectLineTranscriptStore(_database);
        SigningKeys = new PgSigningKeyStore(_database);
        StaffAccounts = new PgStaffAccountStore(_database);
        ApiTokens = new PgApiTokenStore(_database);
        Audit = new PgAuditLog(_database);
        Escalations = new PgEscalationStore(_database);
        Articles = new PgArticleStore(_database);
        Traffic = new PgTrafficStatisticsStore(_database);
        Campaigns = new PgCampaignStore(_database);
        OptOuts = new PgOptOutStore(_database);
        Audience = new PgAudienceSource(_database);
        Surveys = new PgSurveyStore(_database);
        Leases = new PgLeaseStore(_database);
        Instances = new PgGatewayInstanceStore(_database);
        _retention = new PgRetention(_database);
    }

    /// <summary>
    /// Connects, applies the schema migrations this build carries, and returns the stores. Throws
    /// <see cref="PostgreSqlStartException"/> with a message for the operator when it cannot.
    /// </summary>
    public static PostgreSqlStorage Open(PostgreSqlStorageOptions options, ILoggerFactory loggers, TimeProvider? clock = null)
    {
        var builder = ParseConnectionString(options.ConnectionString);
        if (string.IsNullOrEmpty(builder.Options) && options.IdleInTransactionTimeout > TimeSpan.Zero)
            builder.Options = "-c idle_in_transaction_session_timeout=" +
                ((long)options.IdleInTransactionTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var where = $"{builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username}";
        var source = new NpgsqlDataSourceBuilder(builder.ConnectionString).UseLoggerFactory(loggers).Build();
        try
        {
            using (var connection = Connect(source, where))
            {
                try
                {
                    SchemaMigrator.Migrate(connection, loggers.CreateLogger<PostgreSqlStorage>());
                }
                catch (NpgsqlException ex)
                {
                    throw new PostgreSqlStartException($"The schema of the PostgreSQL database at {where} could not be brought up to date: {ex.Message}", ex);
                }
            }
            return new PostgreSqlStorage(source, clock ?? TimeProvider.System, loggers);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static NpgsqlConnectionStringBuilder ParseConnectionString(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new PostgreSqlStartException("Storage:Kind is PostgreSql but Storage:PostgreSql:ConnectionString is empty: give it Host, Port, Database, Username and Password.");
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // The message may quote the string: it is left out, as it may hold the password.
            throw new PostgreSqlStartException("Storage:PostgreSql:ConnectionString is not a valid Npgsql connection string (keywords like Host=...;Database=...;Username=...).", ex);
        }
    }

    private static NpgsqlConnection Connect(NpgsqlDataSource source, string where)
    {
        try
        {
            return source.OpenConnection();
        }
        catch (PostgresException ex)
        {
            throw new PostgreSqlStartException($"The PostgreSQL server at {where} refused the gateway: {ex.MessageText} ({ex.SqlState}).", ex);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or ArgumentException)
        {
            var reason = ex.InnerException is SocketException socket ? socket.Message : ex.Message;
            throw new PostgreSqlStartException($"The PostgreSQL server at {where} cannot be reached: {reason}", ex);
        }
    }

    /// <summary>The connection pool, for what is not a store (the cluster events' NOTIFY and LISTEN).</summary>
    internal NpgsqlDataSource Source => _database.Source;

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

    /// <summary>The schema version this build brings a database to.</summary>
    public static int SchemaVersion => SchemaMigrator.LatestVersion;

    public StorageHealth Health => _database.Health;

    public Task<RetentionReport> PurgeAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        _retention.PurgeAsync(policy, now, cancellationToken);

    /// <summary>Takes over another engine's records (see <see cref="IStorageImport"/>): the move from LiteDB.</summary>
    public Task ImportAsync(StorageRecords records, CancellationToken cancellationToken) => PgImport.ImportAsync(_database, records, cancellationToken);

    /// <summary>The tables of the database's public schema, for tests that check none appears after open.</summary>
    internal Task<IReadOnlyList<string>> TablesAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<string>>(async connection => await Sql.ListAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", r => r.GetString(0), cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Source.Dispose();
}
