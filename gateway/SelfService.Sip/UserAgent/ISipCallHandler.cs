namespace SelfService.Sip;

/// <summary>
/// What to do with an incoming call. The user agent calls <see cref="HandleCallAsync"/> once per new INVITE whose
/// offer it could answer; the handler answers (or rejects) and runs the call. Its token is cancelled when the call
/// ends (the caller hangs up or cancels) or the user agent stops. When the handler returns, a call it left ringing is
/// rejected with 480 and a call it left up is hung up.
/// </summary>
public interface ISipCallHandler
{
    Task HandleCallAsync(SipCall call, CancellationToken cancellationToken);
}
