namespace SelfService.Sip;

/// <summary>A request we sent, waiting for its final response (RFC 3261 17.1), matched by branch and CSeq method.</summary>
internal sealed class ClientTransaction(string branch, string method)
{
    public string Branch { get; } = branch;
    public string Method { get; } = method;
    public TaskCompletionSource<SipResponse> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource<SipResponse> Provisional { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Key => KeyOf(Branch, Method);

    /// <summary>Outbound INVITE: run on the receive loop for its 2xx, before anything that follows it is read.</summary>
    public Action<SipResponse>? OnSuccess { get; init; }

    public static string KeyOf(string branch, string method) => branch + "|" + method;

    public void OnResponse(SipResponse response)
    {
        if (response.StatusCode < 200) Provisional.TrySetResult(response);
        else
        {
            if (response.IsSuccess && !Final.Task.IsCompleted) OnSuccess?.Invoke(response);
            Final.TrySetResult(response);
        }
    }
}
