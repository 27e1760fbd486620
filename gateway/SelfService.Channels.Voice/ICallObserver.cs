namespace SelfService.Channels.Voice;

/// <summary>Told of every call when it ends (the dashboard's figures count them): registered by the host, called once per call.</summary>
public interface ICallObserver
{
    void Ended(CallRecord call);
}
