using System.Collections.Concurrent;

namespace SelfService.Smpp.Tests.Support;

/// <summary>A protocol logger that keeps everything, to see what went over the wire.</summary>
internal sealed class WireLog : ISmppProtocolLogger
{
    public ConcurrentQueue<(SmppPduDirection Direction, Pdu Pdu)> Pdus { get; } = new();
    public ConcurrentQueue<(PduHeader Header, string Error)> Invalid { get; } = new();

    public IEnumerable<Pdu> Received => Pdus.Where(p => p.Direction == SmppPduDirection.Received).Select(p => p.Pdu);
    public IEnumerable<Pdu> Sent => Pdus.Where(p => p.Direction == SmppPduDirection.Sent).Select(p => p.Pdu);

    public void LogPdu(string connection, SmppPduDirection direction, Pdu pdu) => Pdus.Enqueue((direction, pdu));

    public void LogInvalidPdu(string connection, PduHeader header, string error) => Invalid.Enqueue((header, error));
}
