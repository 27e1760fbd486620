namespace SelfService.Channels.DirectLine.Tests;

public class DirectLineOptionsTests
{
    private const string GoodSecret = "0123456789abcdef0123456789abcdef";

    [Test]
    public void Problems_GoodSettings_None() =>
        Assert.That(new DirectLineOptions { Enabled = true, Secrets = [GoodSecret] }.Problems(), Is.Empty);

    [Test]
    public void Problems_NoSecret_NamesTheSetting() =>
        Assert.That(new DirectLineOptions { Enabled = true }.Problems(), Has.One.Contains("Channels:DirectLine:Secrets must list at least one"));

    [Test]
    public void Problems_EveryBadSetting_IsNamed()
    {
        var options = new DirectLineOptions
        {
            Secrets = [GoodSecret, "short", GoodSecret], TokenSigningKey = "c2hvcnQ=", TokenLifetime = TimeSpan.FromSeconds(5),
            MaxActivityBytes = 10, StreamQueueCapacity = 0, StreamSendTimeout = TimeSpan.Zero, BotId = " ",
        };

        var problems = options.Problems();

        Assert.That(problems, Has.Some.StartsWith("Channels:DirectLine:Secrets:1 must be at least 32"));
        Assert.That(problems, Has.Some.Contains("Secrets has the same secret twice"));
        Assert.That(problems, Has.Some.StartsWith("Channels:DirectLine:TokenSigningKey"));
        Assert.That(problems, Has.Some.StartsWith("Channels:DirectLine:TokenLifetime"));
        Assert.That(problems, Has.Some.StartsWith("Channels:DirectLine:MaxActivityBytes"));
        Assert.That(problems, Has.Some.StartsWith("Channels:DirectLine:StreamQueueCapacity"));
        Assert.That(problems, Has.Some.StartsWith("Channels:DirectLine:StreamSendTimeout"));
        Assert.That(problems, Has.Some.StartsWith("Channels:DirectLine:BotId"));
    }

    [Test]
    public void TryDecode_AKeyOf32Bytes_IsAccepted() =>
        Assert.That(TokenSigningKeys.TryDecode(Convert.ToBase64String(new byte[32])), Has.Length.EqualTo(32));

    [TestCase("not base64!")]
    [TestCase("AAAA")]
    public void TryDecode_ShortOrMalformedKeys_AreRefused(string key) =>
        Assert.That(TokenSigningKeys.TryDecode(key), Is.Null);
}
