using System.Net;
using SelfService.Speech;

namespace SelfService.Channels.Voice;

/// <summary>
/// One answered telephone call, as the voice menu needs it, whatever carries it (SIP and RTP): who called which number
/// from where, audio out, keys in, and the end. Keys pressed while nothing asks for one wait for the next ask (callers
/// type ahead); a key pressed during an interruptible prompt stops it (barge-in).
/// </summary>
public interface IVoiceCall
{
    /// <summary>Unique per call (the SIP Call-ID): the session of its messages.</summary>
    string Id { get; }

    /// <summary>The number dialled (the user part of the request URI).</summary>
    string Dialled { get; }

    /// <summary>The number the caller shows (the user part of From); proves nothing unless the call came over a trusted trunk.</summary>
    string Caller { get; }

    /// <summary>Where the call came from (the signalling peer).</summary>
    IPAddress RemoteAddress { get; }

    /// <summary>Cancelled when the call ends, whoever ends it.</summary>
    CancellationToken Ended { get; }

    /// <summary>How steadily the audio went out: the RFC 3550 jitter of the packets sent, in milliseconds (a figure to watch, not a verdict).</summary>
    double SendJitterMs { get; }

    /// <summary>The latest any packet of the call went out against its 20 ms schedule, in milliseconds: the worst moment of the pace.</summary>
    double SendMaxLatenessMs { get; }

    /// <summary>
    /// Plays <paramref name="prompt"/> to the end, or with <paramref name="interruptible"/> until a key is pressed, which
    /// it returns (taken, not left waiting); null when it played to the end.
    /// </summary>
    Task<char?> PlayAsync(VoicePrompt prompt, bool interruptible, CancellationToken cancellationToken);

    /// <summary>The next key pressed (one typed ahead first), or null when none comes within <paramref name="timeout"/>.</summary>
    Task<char?> ReadKeyAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Hands the call to <paramref name="target"/> (a SIP URI); false when the transfer was refused or failed.</summary>
    Task<bool> TransferAsync(string target, CancellationToken cancellationToken);

    /// <summary>Ends the call from the gateway's side.</summary>
    Task HangUpAsync(CancellationToken cancellationToken);
}
