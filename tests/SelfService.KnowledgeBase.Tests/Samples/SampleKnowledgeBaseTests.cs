using System.Text.RegularExpressions;
using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Samples;

/// <summary>The sample knowledge base (samples/knowledgebase) is product content: these tests hold it to its format's promises.</summary>
[TestFixture]
public sealed partial class SampleKnowledgeBaseTests
{
    private KnowledgeBaseHarness _kb = null!;
    private IReadOnlyList<PublishedArticle> _articles = null!;

    [OneTimeSetUp]
    public async Task ImportSamples()
    {
        _kb = await KnowledgeBaseHarness.WithSamplesAsync();
        _articles = await _kb.Articles.ListPublishedAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DisposeKnowledgeBase() => _kb.Dispose();

    [Test]
    public void Samples_EveryTopic_ExistsInRussianAndEnglish()
    {
        var topics = _articles.GroupBy(a => TopicOf(a.Id)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(topics, Has.Count.GreaterThanOrEqualTo(30));
            foreach (var topic in topics)
            {
                Assert.That(topic.Select(a => a.Content.Language).Order(), Is.EqualTo(new[] { "en", "ru" }), topic.Key);
                Assert.That(topic.Select(a => a.Content.Category).Distinct(), Has.Exactly(1).Items, topic.Key);
            }
        });
    }

    [Test]
    public void Samples_EveryArticle_HasFourToEightQuestionVariantsAndKeywords()
    {
        Assert.Multiple(() =>
        {
            foreach (var article in _articles)
            {
                Assert.That(article.Content.Questions, Has.Count.InRange(4, 8), article.Id);
                Assert.That(article.Content.Keywords, Is.Not.Empty, article.Id);
            }
        });
    }

    [Test]
    public void Samples_ShortAnswers_FitTheSmsBudget()
    {
        Assert.Multiple(() =>
        {
            foreach (var article in _articles)
            {
                var budget = article.Content.Language == "ru" ? 140 : 160;
                Assert.That(article.Content.ShortAnswer.Length, Is.LessThanOrEqualTo(budget), article.Id);
                // Plain text: no bold or links. "**21*" is a dialling code, not Markdown, so bold means "**" before a letter.
                Assert.That(article.Content.ShortAnswer, Does.Not.Match(@"\*\*\p{L}").And.Not.Contain("]("), article.Id);
            }
        });
    }

    [TestCase("roaming-activate", "ACT ROAMING", "ВКЛ РОУМИНГ")]
    [TestCase("internet-package", "ACT INTERNET", "ВКЛ ИНТЕРНЕТ")]
    [TestCase("voicemail", "ACT VOICEMAIL", "ВКЛ АВТООТВЕТЧИК")]
    [TestCase("caller-id", "ACT CALLERID", "ВКЛ АОН")]
    [TestCase("blacklist", "ACT BLACKLIST", "ВКЛ ЧС")]
    [TestCase("sms-pack", "ACT SMSPACK", "ВКЛ СМСПАКЕТ")]
    [TestCase("ringback", "ACT RINGBACK", "ВКЛ ГУДОК")]
    [TestCase("check-balance", "BAL", "БАЛАНС")]
    [TestCase("service-status", "STATUS", "СТАТУС")]
    [TestCase("contact-agent", "AGENT", "ОПЕРАТОР")]
    [TestCase("marketing-opt-out", "STOP", "СТОП")]
    [TestCase("link-number", "LINK", "ПРИВЯЗАТЬ")]
    [TestCase("help-codes", "HELP", "ПОМОЩЬ")]
    public void Samples_ServiceArticles_NameTheirActionCodeInTheShortAnswer(string topic, string english, string russian)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Article($"{topic}-en").Content.ShortAnswer, Does.Contain(english));
            Assert.That(Article($"{topic}-ru").Content.ShortAnswer, Does.Contain(russian));
        });
    }

    [Test]
    public void Samples_LinksBetweenArticles_PointToArticlesInTheSameLanguage()
    {
        var ids = _articles.ToDictionary(a => a.Id, a => a.Content.Language);

        Assert.Multiple(() =>
        {
            foreach (var article in _articles)
            {
                foreach (Match link in ArticleLink().Matches(article.Content.LongAnswer))
                {
                    var target = link.Groups[1].Value;
                    Assert.That(ids.TryGetValue(target, out var language) && language == article.Content.Language, Is.True, $"{article.Id} links to {target}");
                }
            }
        });
    }

    private static string TopicOf(string id) => id[..id.LastIndexOf('-')];

    private PublishedArticle Article(string id) => _articles.Single(a => a.Id == id);

    [GeneratedRegex(@"\]\(#([a-z0-9-]+)\)")]
    private static partial Regex ArticleLink();
}
