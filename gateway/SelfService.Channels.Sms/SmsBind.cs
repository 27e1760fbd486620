using SelfService.Smpp;
using SelfService.Storage.Leases;

namespace SelfService.Channels.Sms;

/// <summary>
/// One configured bind to the SMSC. Where gateways share a store, each bind is held under a lease of its own
/// (<see cref="LeaseName"/>), so a bind is open on exactly one instance and several binds spread over the instances. While
/// this instance holds it, <see cref="Client"/> is the open session; otherwise a client not started. A client is started
/// once, so each holding gets a new one.
/// </summary>
public sealed class SmsBind : ISmppInboundHandler
{
    private readonly SmsAdapter _adapter;
    private readonly Func<SmsBind, SmppClient> _newClient;
    private volatile SmppClient _client;
    private volatile HeldLease? _lease;

    internal SmsBind(int index, SmppClientOptions options, SmsAdapter adapter, Func<SmsBind, SmppClient> newClient)
    {
        Index = index;
        Options = options;
        _adapter = adapter;
        _newClient = newClient;
        _client = newClient(this);
    }

    public int Index { get; }

    public SmppClientOptions Options { get; }

    /// <summary>"sms:bind:0" for the first bind listed: every instance must list the same binds in the same order.</summary>
    public string LeaseName => "sms:bind:" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public SmppClient Client => _client;

    /// <summary>The lease the bind is held under now; null when it is run without one (the channel's own tests).</summary>
    public HeldLease? Lease => _lease;

    /// <summary>Bound, and (under a lease) still certainly this instance's: a submit may go.</summary>
    public bool CanSend => _client.State == SmppSessionState.Bound && LeaseIsValid;

    public bool LeaseIsValid => _lease is not { IsValid: false };

    /// <summary>Waiting for its lease: another instance holds the bind (or none does yet).</summary>
    public bool Standby { get; internal set; }

    // Closed while a new owner finishes what the bind's previous owner left: what the SMSC delivers meanwhile waits for its
    // answer (the SMSC keeps it), so no new message overtakes an old reply.
    private volatile TaskCompletionSource _inboundOpen = Opened();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    internal void HoldInbound() => _inboundOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void ReleaseInbound() => _inboundOpen.TrySetResult();

    internal Task InboundOpen => _inboundOpen.Task;

    /// <summary>Opens the bind for as long as <paramref name="lease"/> holds, and drops it the moment it is lost.</summary>
    internal async Task RunAsync(HeldLease lease, CancellationToken lost)
    {
        var client = _client;   // a client not started yet: each holding ends by putting a fresh one in its place
        _lease = lease;
        Standby = false;
        await client.StartAsync(lost);
        try
        {
            await Task.Delay(Timeout.Infinite, lost);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
        }
        finally
        {
            // A gateway stopping drains what is in flight (up to the response timeout); one that lost the lease unbinds at
            // once, since the bind's new owner may be sending already.
            using var drain = new CancellationTokenSource();
            if (!lease.IsValid) await drain.CancelAsync();
            await client.StopAsync(drain.Token);
            ReleaseInbound();
            Standby = true;
            _client = _newClient(this);
            await client.DisposeAsync();
        }
    }

    ValueTask<CommandStatus> ISmppInboundHandler.OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken) =>
        _adapter.OnMessageAsync(pdu, this, cancellationToken);

    ValueTask<CommandStatus> ISmppInboundHandler.OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken) =>
        _adapter.OnMessageAsync(pdu, this, cancellationToken);
}
