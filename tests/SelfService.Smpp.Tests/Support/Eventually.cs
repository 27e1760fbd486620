namespace SelfService.Smpp.Tests.Support;

/// <summary>Waits, in real time and briefly, for something another thread does.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting: " + because);
            await Task.Delay(2);
        }
    }

    /// <summary>Asserts that something stays false for a short while (for "nothing happens before the delay").</summary>
    public static async Task StaysFalseAsync(Func<bool> condition, string because, int milliseconds = 100)
    {
        var until = DateTime.UtcNow.AddMilliseconds(milliseconds);
        while (DateTime.UtcNow < until)
        {
            if (condition()) Assert.Fail("Happened too early: " + because);
            await Task.Delay(2);
        }
    }
}
