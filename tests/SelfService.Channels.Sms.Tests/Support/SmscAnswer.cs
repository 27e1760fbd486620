using SelfService.Smpp;

namespace SelfService.Channels.Sms.Tests.Support;

/// <summary>How the scripted SMSC answers one submit_sm.</summary>
public sealed record SmscAnswer(SmscAnswerKind Kind, CommandStatus Status = CommandStatus.Ok)
{
    /// <summary>submit_sm_resp Ok with the next message id ("1A2B3C", "1A2B3D"...).</summary>
    public static SmscAnswer Ok { get; } = new(SmscAnswerKind.Respond);

    /// <summary>Cuts the connection without answering, as a network failure would.</summary>
    public static SmscAnswer Drop { get; } = new(SmscAnswerKind.Drop);

    /// <summary>Never answers; the connection stays up.</summary>
    public static SmscAnswer Silent { get; } = new(SmscAnswerKind.Silent);

    /// <summary>submit_sm_resp with this error status.</summary>
    public static SmscAnswer Refuse(CommandStatus status) => new(SmscAnswerKind.Respond, status);

    public override string ToString() => Kind == SmscAnswerKind.Respond ? Status.ToString() : Kind.ToString();
}
