using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;
using SelfService.Storage.Cluster;

namespace SelfService.Storage.PostgreSql.Cluster;

/// <summary>
/// Cluster events over PostgreSQL's LISTEN/NOTIFY. Every instance listens on one channel, <see cref="Channel"/>, on a
/// connection of its own that it keeps for as long as it runs; a lost one is opened again with growing pauses (Polly), and
/// the subscribers are then told they may have missed events. Publishing queues the event and returns: a sender sends what
/// is queued in one statement on a pooled connection, so a burst costs one round trip. An event that cannot be sent is
/// dropped with a warning (events are hints; the store is the record). Each notification is "origin\ntopic\npayload"; an
/// instance skips its own (it already acted in process).
/// </summary>
public sealed partial class PgClusterEvents : BackgroundService, IClusterEvents
{
    /// <summary>The one NOTIFY channel every gateway on a database listens on.</summary>
    public const string Channel = "selfservice_events";

    /// <summary>An idle listening connection is checked this often, so a server that went away silently is noticed.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private const int OutgoingCapacity = 10_000;
    private const int SendBatch = 200;

    private readonly NpgsqlDataSource _source;
    private readonly ILogger<PgClusterEvents> _logger;
    private readonly ResiliencePipeline _reconnect;
    private readonly string _origin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private readonly Channel<string> _outgoing;
    private readonly Channel<(string Topic, string? Payload)> _incoming =
        System.Threading.Channels.Channel.CreateUnbounded<(string, string?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ImmutableList<Func<string?, CancellationToken, Task>>> _handlers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PgClusterEvents(NpgsqlDataSource source, TimeProvider time, ILogger<PgClusterEvents> logger)
    {
        _source = source;
        _logger = logger;
        _outgoing = System.Threading.Channels.Channel.CreateBounded<string>(new BoundedChannelOptions(OutgoingCapacity)
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest,
        });
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(10),
                OnRetry = args =>
                {
                    LogReconnectFailed(args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Completes once this instance listens (the first time): events published by others after it reach it.</summary>
    public Task Listening => _listening.Task;

    public void Publish(string topic, string payload)
    {
        ClusterEventPayload.Check(topic, payload);
        _outgoing.Writer.TryWrite(_origin + "\n" + topic + "\n" + payload);
    }

    public IDisposable Subscribe(string topic, Func<string?, CancellationToken, Task> handler)
    {
        _handlers.AddOrUpdate(topic, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => _handlers.AddOrUpdate(topic, _ => [], (_, list) => list.Remove(handler)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sending = SendAsync(stoppingToken);
        var delivering = DeliverAsync(stoppingToken);
        try
        {
            await ListenAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        _outgoing.Writer.TryComplete();
        _incoming.Writer.TryComplete();
        await sending;
        await delivering;
    }

    /// <summary>Listens for as long as the gateway runs: one connection at a time, opened again whenever it is lost.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var connection = await _reconnect.ExecuteAsync(ConnectAsync, stoppingToken);
            try
            {
                if (connectedBefore)
                {
                    LogReconnected();
                    // Whatever was published while this instance was not listening is lost: each subscriber catches up.
                    foreach (var topic in _handlers.Keys) _incoming.Writer.TryWrite((topic, null));
                }
                connectedBefore = true;
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await connection.WaitAsync(KeepAlive, stoppingToken)) continue;
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogListeningLost(ex);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async ValueTask<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken);
        try
        {
            connection.Notification += (_, e) => Received(e.Payload);
            await using var listen = new NpgsqlCommand("LISTEN " + Channel, connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void Received(string notification)
    {
        var parts = notification.Split('\n', 3);
        if (parts.Length != 3 || parts[0] == _origin) return;
        _incoming.Writer.TryWrite((parts[1], parts[2]));
    }

    /// <summary>Runs the handlers of each event in turn, so a slow one delays the others but never the listening connection.</summary>
    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        await foreach (var (topic, payload) in _incoming.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (!_handlers.TryGetValue(topic, out var handlers)) continue;
            foreach (var handler in handlers)
            {
                try
                {
                    await handler(payload, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(ex, topic);
                }
            }
        }
    }

    /// <summary>Sends what is queued, a batch per statement; a batch the server cannot take is dropped (the store has it all).</summary>
    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(SendBatch);
        while (await _outgoing.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < SendBatch && _outgoing.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await using var connection = await _source.OpenConnectionAsync(stoppingToken);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, n) FROM unnest(@notifications) AS n", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("notifications", batch.ToArray());
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSendFailed(ex, batch.Count);
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other instances' events failed (attempt {Attempt}); trying again in {Delay}")]
    private partial void LogReconnectFailed(Exception? exception, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection listening for other instances' events was lost; opening another")]
    private partial void LogListeningLost(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for other instances' events again; the desk, the outbox and the streams catch up from the store")]
    private partial void LogReconnected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the other instances of {Count} events failed; they catch up at their next poll or reload")]
    private partial void LogSendFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of the cluster event {Topic} failed")]
    private partial void LogHandlerFailed(Exception exception, string topic);
}
