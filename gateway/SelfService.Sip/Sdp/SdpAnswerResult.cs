namespace SelfService.Sip;

/// <summary>The outcome of answering an offer: the answer and the media, or why there is none (the caller gets 488).</summary>
public sealed record SdpAnswerResult(SessionDescription? Answer, NegotiatedMedia? Media, string? Failure)
{
    public bool Accepted => Answer is not null && Media is not null;
}
