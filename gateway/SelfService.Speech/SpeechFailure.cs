namespace SelfService.Speech;

/// <summary>Why speech could not be produced.</summary>
public enum SpeechFailure
{
    /// <summary>The synthesizer program is not there (install Debian's espeak-ng, or set Speech:EspeakPath).</summary>
    SynthesizerMissing,

    /// <summary>It ran and failed: a non-zero exit (an unknown voice, say), with its error output in the message.</summary>
    SynthesizerFailed,

    /// <summary>It ran past the time limit and was killed.</summary>
    TimedOut,

    /// <summary>It exited cleanly but what it wrote was not readable audio.</summary>
    InvalidOutput,
}
