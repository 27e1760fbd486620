using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace SelfService.Channels.DirectLine.Tests;

public class DirectLineAuthorizerTests
{
    private const string Secret = "s3cret-s3cret-s3cret-s3cret-s3cret-42";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private DirectLineTokens _tokens = null!;
    private DirectLineAuthorizer _authorizer = null!;

    [SetUp]
    public void Create()
    {
        _tokens = new DirectLineTokens(new byte[32], TimeSpan.FromMinutes(30), _time);
        _authorizer = new DirectLineAuthorizer(Options.Create(new DirectLineOptions { Secrets = ["another-secret-another-secret-0001", Secret] }), _tokens);
    }

    [Test]
    public void Authorize_AConfiguredSecret_MayUseAnyConversation()
    {
        var caller = _authorizer.Authorize(Secret);

        Assert.That(caller.Kind, Is.EqualTo(DirectLineCallerKind.Secret));
        Assert.That(caller.MayUse("any"), Is.True);
    }

    [Test]
    public void Authorize_AToken_MayUseOnlyItsConversation()
    {
        var caller = _authorizer.Authorize(_tokens.Issue("conv1").Token);

        Assert.That((caller.Kind, caller.ConversationId), Is.EqualTo((DirectLineCallerKind.Token, "conv1")));
        Assert.That(caller.MayUse("conv1"), Is.True);
        Assert.That(caller.MayUse("conv2"), Is.False);
    }

    [Test]
    public void Authorize_AnExpiredToken_IsExpiredAndMayUseNothing()
    {
        var token = _tokens.Issue("conv1").Token;
        _time.Advance(TimeSpan.FromMinutes(31));

        var caller = _authorizer.Authorize(token);

        Assert.That(caller.Kind, Is.EqualTo(DirectLineCallerKind.ExpiredToken));
        Assert.That(caller.IsAuthenticated, Is.False);
        Assert.That(caller.MayUse("conv1"), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(Secret + "x")]
    [TestCase("s3cret")]
    public void Authorize_AnythingElse_IsAnonymous(string? credential) =>
        Assert.That(_authorizer.Authorize(credential), Is.EqualTo(DirectLineCaller.Anonymous));
}
