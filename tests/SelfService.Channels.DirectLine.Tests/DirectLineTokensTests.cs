using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace SelfService.Channels.DirectLine.Tests;

public class DirectLineTokensTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private DirectLineTokens Tokens(byte[]? key = null) => new(key ?? Key, TimeSpan.FromMinutes(30), _time);

    [Test]
    public void Issue_ThenCheck_IsValidForItsConversation()
    {
        var issued = Tokens().Issue("conv1");

        var check = Tokens().Check(issued.Token);

        Assert.That((check.Status, check.ConversationId, check.ExpiresAt), Is.EqualTo((TokenStatus.Valid, "conv1", _time.GetUtcNow().AddMinutes(30))));
        Assert.That(issued.ExpiresInSeconds, Is.EqualTo(1800));
    }

    [Test]
    public void Check_AfterTheLifetime_IsExpired()
    {
        var issued = Tokens().Issue("conv1");

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.That(Tokens().Check(issued.Token).Status, Is.EqualTo(TokenStatus.Valid));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(Tokens().Check(issued.Token).Status, Is.EqualTo(TokenStatus.Expired));
    }

    [Test]
    public void Issue_Twice_GivesDifferentTokensForTheSameConversation()
    {
        var first = Tokens().Issue("conv1");
        var second = Tokens().Issue("conv1");

        Assert.That(second.Token, Is.Not.EqualTo(first.Token));
        Assert.That(Tokens().Check(second.Token).ConversationId, Is.EqualTo("conv1"));
    }

    [Test]
    public void Check_PayloadNamingAnotherConversation_IsInvalid()
    {
        var parts = Tokens().Issue("conv1").Token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("conv1", "conv2");
        var forged = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        Assert.That(Tokens().Check(forged), Is.EqualTo(TokenCheck.Invalid));
    }

    [Test]
    public void Check_SignedWithAnotherKey_IsInvalid()
    {
        var otherKey = Enumerable.Repeat((byte)7, 32).ToArray();
        var token = Tokens(otherKey).Issue("conv1").Token;

        Assert.That(Tokens().Check(token), Is.EqualTo(TokenCheck.Invalid));
    }

    [Test]
    public void Check_ExpiredAndForged_IsInvalidNotExpired()
    {
        var token = Tokens().Issue("conv1").Token;
        _time.Advance(TimeSpan.FromHours(1));
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.That(Tokens().Check(tampered).Status, Is.EqualTo(TokenStatus.Invalid));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-a-token")]
    [TestCase("a.b.c")]
    [TestCase("a.b")]
    [TestCase("eyJhbGciOiJub25lIn0.eyJjb252IjoiY29udjEifQ.")]
    [TestCase("!!!.***.$$$")]
    public void Check_Garbage_IsInvalid(string? token) =>
        Assert.That(Tokens().Check(token), Is.EqualTo(TokenCheck.Invalid));

    [Test]
    public void Issue_IsAJwtWithTheHs256Header()
    {
        var header = Tokens().Issue("conv1").Token.Split('.')[0];

        Assert.That(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(header)), Is.EqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
    }
}
