using LiteDB;

namespace SelfService.Channels.DirectLine.Tests;

public class TokenSigningKeysTests
{
    [Test]
    public void Resolve_NoConfiguredKey_GeneratesOneAndKeepsIt()
    {
        using var database = new LiteDatabase(new MemoryStream());

        var first = TokenSigningKeys.Resolve(new DirectLineOptions(), database);
        var second = TokenSigningKeys.Resolve(new DirectLineOptions(), database);

        Assert.That(first, Has.Length.EqualTo(32));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Resolve_AConfiguredKey_IsUsed()
    {
        using var database = new LiteDatabase(new MemoryStream());
        var key = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();

        Assert.That(TokenSigningKeys.Resolve(new DirectLineOptions { TokenSigningKey = Convert.ToBase64String(key) }, database), Is.EqualTo(key));
    }
}
