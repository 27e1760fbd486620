namespace SelfService.Smpp.Tests.Support;

internal static class Catch
{
    /// <summary>Asserts that the code throws exactly T and returns it.</summary>
    public static async Task<T> Async<T>(Func<Task> code) where T : Exception => (await Assert.ThrowsAsync<T>(async () => await code()))!;
}
