using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.Messages;
using SelfService.Testing;

namespace SelfService.Storage.LiteDb.Tests;

/// <summary>
/// The disk under the store fails (full, or the file turned read-only): accepting fails, so the channel does not acknowledge
/// and the sender delivers again; health says why; once the disk works again, so does the store, with nothing lost.
/// </summary>
public class StoreFailureTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [TestCase("No space left on device")]
    [TestCase("Read-only file system")]
    public async Task DiskFails_AcceptFailsAndHealthSaysWhy_ThenRecoversWithNothingLost(string failure)
    {
        using var folder = new TemporaryFolder();
        var data = new FailingDisk(folder.File("g.db"));
        var log = new FailingDisk(folder.File("g-log.db"));
        using (var storage = new LiteStorage(null, (data, log), new LiteDbStorageOptions(), NullLoggerFactory.Instance))
        {
            await AcceptAsync(storage, 0);

            data.Failure = log.Failure = failure;
            Assert.That(async () => await AcceptAsync(storage, 1), Throws.InstanceOf<IOException>().With.Message.EqualTo(failure));
            Assert.That(storage.Health.Healthy, Is.False);
            Assert.That(storage.Health.LastError, Does.Contain(failure));

            data.Failure = log.Failure = null;
            await AcceptAsync(storage, 1);   // the sender's redelivery
            await AcceptAsync(storage, 2);
            Assert.That(storage.Health.Healthy, Is.True);
            Assert.That(await UnprocessedAsync(storage), Is.EqualTo(new[] { "m0", "m1", "m2" }));
        }

        // Reopened from the files alone, as after a restart.
        using var reopened = new LiteStorage(folder.File("g.db"), new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        Assert.That(await UnprocessedAsync(reopened), Is.EqualTo(new[] { "m0", "m1", "m2" }));
        Assert.That((await reopened.Inbound.AcceptAsync(Inbound(1), null, CancellationToken.None)).Duplicate, Is.True, "the dedup index holds every key");

        // What the broken engine left must be let go quietly: a LiteDB finalizer that throws would end the gateway.
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static Task AcceptAsync(LiteStorage storage, int n) => storage.Inbound.AcceptAsync(Inbound(n), null, CancellationToken.None);

    private static async Task<string[]> UnprocessedAsync(LiteStorage storage) =>
        [.. (await storage.Inbound.UnprocessedAsync(100, CancellationToken.None)).Select(r => r.ChannelMessageId)];

    private static InboundRecord Inbound(int n)
    {
        var at = T0.AddSeconds(n);
        return new InboundRecord
        {
            Id = Guid.CreateVersion7(at).ToString("N"), DedupKey = "sms|m" + n, Channel = "sms", ChannelMessageId = "m" + n,
            SenderAddress = "+7999000000" + n, Text = "BAL", ReceivedAt = at, State = InboundState.Accepted,
        };
    }
}
