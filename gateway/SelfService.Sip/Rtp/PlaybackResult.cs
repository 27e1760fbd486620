namespace SelfService.Sip;

/// <summary>How a playback ended.</summary>
public enum PlaybackResult
{
    /// <summary>Every sample was sent.</summary>
    Completed,

    /// <summary>Stopped early: by <see cref="RtpSession.StopPlayback"/>, or by a key press on a playback that allows barge-in.</summary>
    Interrupted,

    /// <summary>The call (and its media) ended first.</summary>
    CallEnded,
}
