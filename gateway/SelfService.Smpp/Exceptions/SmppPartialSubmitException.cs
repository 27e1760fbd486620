namespace SelfService.Smpp;

/// <summary>A multi-part submit stopped at a failed part. <see cref="Exception.InnerException"/> says why (and, for a
/// connection or timeout failure, whether that part may have gone).</summary>
public sealed class SmppPartialSubmitException : SmppException
{
    public SmppPartialSubmitException() { }
    public SmppPartialSubmitException(string message) : base(message) { }
    public SmppPartialSubmitException(string message, Exception? innerException) : base(message, innerException) { }

    public SmppPartialSubmitException(IReadOnlyList<SubmitSmResp> submitted, int failedPart, int totalParts, Exception innerException)
        : base($"Part {failedPart} of {totalParts} failed after {submitted.Count} went: {innerException.Message}", innerException)
    {
        Submitted = submitted;
        FailedPart = failedPart;
        TotalParts = totalParts;
    }

    /// <summary>The responses of the parts that were accepted, in order (parts 1 to <see cref="FailedPart"/> - 1).</summary>
    public IReadOnlyList<SubmitSmResp> Submitted { get; } = [];

    /// <summary>The number (from 1) of the part that failed; the later parts were not sent.</summary>
    public int FailedPart { get; }

    public int TotalParts { get; }
}
