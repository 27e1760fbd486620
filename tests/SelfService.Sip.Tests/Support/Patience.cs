namespace SelfService.Sip.Tests.Support;

internal static class Patience
{
    /// <summary>How long a test waits for an event before it fails (instead of hanging the suite).</summary>
    public static readonly TimeSpan Event = TimeSpan.FromSeconds(10);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Event);

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Event);

    public static Task Within(this Task task) => task.WaitAsync(Event);
}
