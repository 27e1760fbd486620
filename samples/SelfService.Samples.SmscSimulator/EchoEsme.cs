using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Smpp;

namespace SelfService.Samples.SmscSimulator;

/// <summary>
/// A do-nothing ESME: answers every MO at once with a fixed reply. Benchmarked alone it shows the simulator's own
/// ceiling on this machine, the figure any gateway's result should be read against.
/// </summary>
internal sealed class EchoEsme : ISmppInboundHandler, IAsyncDisposable
{
    private readonly SmppClient _client;

    public EchoEsme(int port, int window)
    {
        _client = new SmppClient(new SmppClientOptions
        {
            Host = "127.0.0.1", Port = port, SystemId = "echo", Password = "echo", WindowSize = window,
        }, this, TimeProvider.System, NullLogger<SmppClient>.Instance);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _client.StartAsync(cancellationToken);
        await _client.WaitUntilBoundAsync(cancellationToken);
    }

    public ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken)
    {
        var reply = new SubmitSm
        {
            SourceAddr = pdu.DestinationAddr, DestinationAddr = pdu.SourceAddr, DestAddrTon = TypeOfNumber.International,
            DestAddrNpi = NumberingPlan.Isdn, ShortMessage = "OK"u8.ToArray(),
        };
        _ = _client.SubmitAsync(reply, CancellationToken.None);
        return ValueTask.FromResult(CommandStatus.Ok);
    }

    public ValueTask<CommandStatus> OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken) => ValueTask.FromResult(CommandStatus.Ok);

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
