using System.Text;

namespace SelfService.Channels.DirectLine.Tests;

public class DirectLineEndpointsTests
{
    [TestCase("{\"type\":\"message\",\"text\":\"hi\"}", null)]
    [TestCase("{\"type\":\"message\",\"text\":", "not a valid Activity")]
    [TestCase("[1,2]", "not a valid Activity")]
    [TestCase("null", "not null")]
    [TestCase("{\"text\":\"hi\"}", "no \"type\"")]
    [TestCase("{\"type\":\"message\",\"from\":\"me\"}", "not a valid Activity")]
    public void ParseActivity_GivesTheActivityOrTheReason(string json, string? error)
    {
        var parsed = DirectLineEndpoints.ParseActivity(Encoding.UTF8.GetBytes(json));

        if (error is null) Assert.That((parsed!.Error, parsed.Activity!.Text), Is.EqualTo(((string?)null, "hi")));
        else Assert.That(parsed!.Error, Does.Contain(error));
    }

    [Test]
    public void ParseActivity_Empty_IsNull() => Assert.That(DirectLineEndpoints.ParseActivity("  "u8), Is.Null);

    [TestCase(null, true, 0L)]
    [TestCase("", true, 0L)]
    [TestCase("-", true, 0L)]
    [TestCase("42", true, 42L)]
    [TestCase("-1", false, 0L)]
    [TestCase("4x", false, 0L)]
    [TestCase("99999999999999999999", false, 0L)]
    public void TryParseWatermark_AcceptsOnlyWhatTheServiceGaveOut(string? raw, bool ok, long expected)
    {
        Assert.That(DirectLineEndpoints.TryParseWatermark(raw, out var watermark), Is.EqualTo(ok));
        if (ok) Assert.That(watermark, Is.EqualTo(expected));
    }
}
