namespace SelfService.Messaging.Tests;

public class MsisdnNormalizerTests
{
    private readonly MsisdnNormalizer _normalizer = new("RU");

    [TestCase("+79161234567", "+79161234567")]
    [TestCase("79161234567", "+79161234567")]
    [TestCase("89161234567", "+79161234567")]
    [TestCase("8 (916) 123-45-67", "+79161234567")]
    [TestCase("+7 916 123 45 67", "+79161234567")]
    [TestCase("447700900123", "+447700900123")]
    [TestCase("+44 7700 900123", "+447700900123")]
    public void TryNormalize_Formats_GiveE164(string raw, string expected)
    {
        Assert.That(_normalizer.TryNormalize(raw, out var e164), Is.True);
        Assert.That(e164, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("12")]
    [TestCase("hello")]
    [TestCase("+7916")]
    [TestCase("+7916123456789012345678901234567890")]
    public void TryNormalize_NotANumber_IsRefused(string raw)
    {
        Assert.That(_normalizer.TryNormalize(raw, out _), Is.False);
    }
}
