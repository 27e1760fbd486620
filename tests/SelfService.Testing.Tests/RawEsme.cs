using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SelfService.Testing.Tests;

/// <summary>A minimal ESME over a raw socket: writes hand-built PDUs, reads whole PDUs back.</summary>
internal sealed class RawEsme : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private uint _sequence;

    private RawEsme(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawEsme> ConnectAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        return new RawEsme(client);
    }

    /// <summary>Connects and binds as a transceiver; fails the test unless the bind is accepted.</summary>
    public static async Task<RawEsme> BoundTransceiverAsync(int port, string systemId = "esme", string password = "secret")
    {
        var esme = await ConnectAsync(port);
        var response = await esme.RequestAsync(SmppBytes.BindTransceiver, SmppBytes.BindBody(systemId, password));
        Assert.That(response.CommandStatus, Is.Zero, "bind_transceiver_resp command_status");
        return esme;
    }

    /// <summary>Sends a request with the next sequence number and returns that number.</summary>
    public async Task<uint> SendAsync(uint commandId, byte[] body)
    {
        var sequence = ++_sequence;
        await WriteAsync(new RawPdu(commandId, 0, sequence, body));
        return sequence;
    }

    public async Task WriteAsync(RawPdu pdu)
    {
        await _stream.WriteAsync(pdu.ToBytes());
        await _stream.FlushAsync();
    }

    /// <summary>Sends a request and reads the next PDU, which must be its response.</summary>
    public async Task<RawPdu> RequestAsync(uint commandId, byte[] body)
    {
        var sequence = await SendAsync(commandId, body);
        var response = await ReadAsync();
        Assert.That(response.CommandId, Is.EqualTo(commandId | SmppBytes.ResponseBit).Or.EqualTo(SmppBytes.GenericNack), "response command_id");
        Assert.That(response.Sequence, Is.EqualTo(sequence), "response sequence_number");
        return response;
    }

    public Task RespondAsync(RawPdu request, uint commandStatus = 0) =>
        WriteAsync(new RawPdu(request.CommandId | SmppBytes.ResponseBit, commandStatus, request.Sequence,
            request.CommandId == SmppBytes.DeliverSm && commandStatus == 0 ? [0] : []));

    /// <summary>Reads one whole PDU; throws <see cref="EndOfStreamException"/> when the SMSC closed the connection.</summary>
    public async Task<RawPdu> ReadAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var header = new byte[16];
        await _stream.ReadExactlyAsync(header, deadline.Token);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        Assert.That(length, Is.InRange(16u, 65536u), "command_length");
        var body = new byte[length - 16];
        await _stream.ReadExactlyAsync(body, deadline.Token);
        return new RawPdu(
            BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)),
            BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8)),
            BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12)),
            body);
    }

    /// <summary>True when the SMSC closes the connection (end of stream or reset) within the timeout.</summary>
    public async Task<bool> IsClosedBySmscAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[256];
        try
        {
            while (await _stream.ReadAsync(buffer, deadline.Token) > 0) { }
            return true;
        }
        catch (IOException) { return true; }
        catch (OperationCanceledException) { return false; }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
