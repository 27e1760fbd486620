using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.LiteDb;

namespace SelfService.Channels.DirectLine.Tests;

public class TokenSigningKeysTests
{
    [Test]
    public async Task Resolve_NoConfiguredKey_GeneratesOneAndKeepsIt()
    {
        using var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);

        var first = await TokenSigningKeys.ResolveAsync(new DirectLineOptions(), storage.SigningKeys, CancellationToken.None);
        var second = await TokenSigningKeys.ResolveAsync(new DirectLineOptions(), storage.SigningKeys, CancellationToken.None);

        Assert.That(first, Has.Length.EqualTo(32));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Resolve_AConfiguredKey_IsUsed()
    {
        using var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        var key = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();

        var resolved = await TokenSigningKeys.ResolveAsync(new DirectLineOptions { TokenSigningKey = Convert.ToBase64String(key) }, storage.SigningKeys, CancellationToken.None);

        Assert.That(resolved, Is.EqualTo(key));
    }
}
