namespace SelfService.Sip.Tests.Support;

internal static class Eventually
{
    /// <summary>Waits for a condition that an event in another thread makes true; fails the test if it never does.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail("never happened: " + what);
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
