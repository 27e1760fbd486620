using Microsoft.Extensions.Logging;

namespace SelfService.Smpp;

/// <summary>The library's log messages, source-generated, with stable property names.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "SMPP {Connection}: bound as {BindType} to {SystemId}")]
    public static partial void Bound(ILogger logger, string connection, string bindType, string systemId);

    [LoggerMessage(2, LogLevel.Warning, "SMPP {Connection}: bind refused with {CommandStatus}")]
    public static partial void BindRefused(ILogger logger, string connection, CommandStatus commandStatus);

    [LoggerMessage(3, LogLevel.Warning, "SMPP {Host}:{Port}: connecting or binding failed, next attempt in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string host, int port, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Information, "SMPP {Connection}: closed ({Reason})")]
    public static partial void Closed(ILogger logger, string connection, string reason);

    [LoggerMessage(5, LogLevel.Warning, "SMPP {Connection}: framing lost, closing ({Error})")]
    public static partial void FramingLost(ILogger logger, string connection, string error);

    [LoggerMessage(6, LogLevel.Warning, "SMPP {Connection}: invalid {CommandId} #{SequenceNumber} answered with {CommandStatus} ({Error})")]
    public static partial void InvalidPdu(ILogger logger, string connection, CommandId commandId, uint sequenceNumber, CommandStatus commandStatus, string error);

    [LoggerMessage(7, LogLevel.Error, "SMPP {Connection}: the inbound handler failed on {CommandId} #{SequenceNumber}; answered SystemError so the SMSC redelivers")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string connection, CommandId commandId, uint sequenceNumber);

    [LoggerMessage(8, LogLevel.Debug, "SMPP {Connection}: response {CommandId} #{SequenceNumber} matches no outstanding request (late or unknown)")]
    public static partial void UnmatchedResponse(ILogger logger, string connection, CommandId commandId, uint sequenceNumber);

    [LoggerMessage(9, LogLevel.Warning, "SMPP {Connection}: enquire_link unanswered, the connection is dead")]
    public static partial void EnquireLinkUnanswered(ILogger logger, string connection);

    [LoggerMessage(10, LogLevel.Information, "SMPP {Connection}: unbind from the peer")]
    public static partial void UnbindReceived(ILogger logger, string connection);

    [LoggerMessage(11, LogLevel.Information, "SMPP session {State} ({Reason})")]
    public static partial void StateChanged(ILogger logger, SmppSessionState state, string? reason);

    [LoggerMessage(12, LogLevel.Information, "SMPP {Connection}: {CommandId} #{SequenceNumber} answered {CommandStatus}, retry {Attempt} in {Delay}")]
    public static partial void Throttled(ILogger logger, string connection, CommandId commandId, uint sequenceNumber, CommandStatus commandStatus, int attempt, TimeSpan delay);

    [LoggerMessage(13, LogLevel.Error, "SMPP {Connection}: {Operation} failed")]
    public static partial void Unexpected(ILogger logger, Exception exception, string connection, string operation);

    [LoggerMessage(15, LogLevel.Warning, "SMPP {Connection}: {Handling} messages are being handled, the inbound window is full; further ones are answered ESME_RX_T_APPN for the SMSC to deliver again")]
    public static partial void InboundWindowFull(ILogger logger, string connection, int handling);

    [LoggerMessage(14, LogLevel.Information, "SMPP server listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint);
}
