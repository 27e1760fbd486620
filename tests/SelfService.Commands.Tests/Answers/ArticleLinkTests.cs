using Microsoft.Extensions.Options;
using SelfService.Commands.Answers;
using SelfService.KnowledgeBase;
using SelfService.Messaging;

namespace SelfService.Commands.Tests.Answers;

/// <summary>
/// Links between articles, <c>[text](#id)</c>, in each channel's form: numbered choices on SMS whose digit gives the
/// linked article, buttons (the same choices) elsewhere, and in the long form a link to the gateway's page of the article.
/// </summary>
public sealed class ArticleLinkTests
{
    private static readonly ChannelProfile Email = new(ChannelNames.Email, ReplyForm.Long, 0, SenderIsMsisdn: false);

    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    private string TitleOf(string id) => _harness.Get<IKnowledgeSearch>().Find(id)!.Title;

    [TestCase("не работает мобильный интернет", "internet-troubleshooting-ru", "apn-settings-ru", "coverage-ru")]
    [TestCase("my mobile internet is not working", "internet-troubleshooting-en", "apn-settings-en", "coverage-en")]
    public async Task Sms_AnswerOffersTheLinkedArticles_AndADigitGivesOne(string question, string article, string first, string second)
    {
        var answer = await _harness.SendAsync(ProcessorHarness.Sms, "+79161234567", question);
        var reply = answer.Replies[0].Reply;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Subject, Is.EqualTo(article));
            Assert.That(reply.Choices, Is.EqualTo(new[] { TitleOf(first), TitleOf(second) }));
            Assert.That(reply.ChoicesHeading, Is.Not.Null.And.Not.Empty);
            Assert.That(reply.ShortListsChoices, Is.False);
        });

        var linked = await _harness.SendAsync(ProcessorHarness.Sms, "+79161234567", "2");

        Assert.Multiple(() =>
        {
            Assert.That(linked.Kind, Is.EqualTo(CommandOutcomeKind.Answered));
            Assert.That(linked.Subject, Is.EqualTo(second));
            Assert.That(linked.Replies[0].Reply.Short, Is.EqualTo(_harness.Get<IKnowledgeSearch>().Find(second)!.ShortAnswer));
        });
    }

    [Test]
    public async Task WebChat_ButtonLabelGivesTheLinkedArticle()
    {
        await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "не работает мобильный интернет");

        var linked = await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", TitleOf("apn-settings-ru"));

        Assert.That(linked.Subject, Is.EqualTo("apn-settings-ru"));
    }

    [Test]
    public async Task WebChat_LinksLeadToTheGatewaysPageOfTheArticle()
    {
        var reply = (await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "не работает мобильный интернет")).Replies[0].Reply;

        Assert.That(reply.LongForm, Does.Contain("](/kb/apn-settings-ru)").And.Contain("](/kb/coverage-ru)").And.Not.Contain("](#"));
    }

    [Test]
    public async Task Email_WithoutAPublicAddress_ShowsTheLinkText_AndWithOne_LinksAbsolutely()
    {
        var plain = (await _harness.SendAsync(Email, "ivan@example.org", "не работает мобильный интернет")).Replies[0].Reply;
        _harness.Get<IOptions<CommandOptions>>().Value.PublicBaseUrl = "https://help.operator.example/";
        var linked = (await _harness.SendAsync(Email, "olga@example.org", "не работает мобильный интернет")).Replies[0].Reply;

        Assert.Multiple(() =>
        {
            Assert.That(plain.LongForm, Does.Not.Contain("](").And.Contain("настройки интернета"));
            Assert.That(plain.Choices, Has.Count.EqualTo(2));
            Assert.That(linked.LongForm, Does.Contain("[настройки интернета](https://help.operator.example/kb/apn-settings-ru)"));
        });
    }

    [Test]
    public async Task Sms_AnotherMessageAfterTheAnswer_IsReadAsItself()
    {
        await _harness.SendAsync(ProcessorHarness.Sms, "+79161234567", "не работает мобильный интернет");

        var next = await _harness.SendAsync(ProcessorHarness.Sms, "+79161234567", "как пополнить баланс?");

        Assert.That(next.Subject, Is.EqualTo("topup-ru"));
    }

    [Test]
    public async Task Sms_DigitAfterTheWindow_PicksNothing()
    {
        await _harness.SendAsync(ProcessorHarness.Sms, "+79161234567", "не работает мобильный интернет");
        _harness.Time.Advance(_harness.Get<IOptions<CommandOptions>>().Value.RelatedArticlesWindow + TimeSpan.FromSeconds(1));

        var late = await _harness.SendAsync(ProcessorHarness.Sms, "+79161234567", "2");

        Assert.That(late.Subject, Is.Not.EqualTo("coverage-ru"));
    }

    [Test]
    public void Targets_AreTheLinkedIds_InOrder_EachOnce()
    {
        var markdown = "See [a](#apn-settings-en), [web](https://example.org/x), [b](#coverage-en) and [a again](#apn-settings-en).";

        Assert.That(ArticleLinks.Targets(markdown), Is.EqualTo(new[] { "apn-settings-en", "coverage-en" }));
    }

    [Test]
    public void Rewrite_LeavesOtherLinksAlone_AndDropsTheLinkWhereNoAddressIsGiven()
    {
        var markdown = "See [a](#apn-settings-en), [web](https://example.org/#x) and [b](#gone-en).";

        var rewritten = ArticleLinks.Rewrite(markdown, id => id == "gone-en" ? null : ArticleLinks.PageOf(id, null));

        Assert.That(rewritten, Is.EqualTo("See [a](/kb/apn-settings-en), [web](https://example.org/#x) and b."));
    }
}
