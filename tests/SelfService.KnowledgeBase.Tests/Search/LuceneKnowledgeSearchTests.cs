using Microsoft.Extensions.Options;
using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Search;

[TestFixture]
public sealed class LuceneKnowledgeSearchTests
{
    private KnowledgeBaseHarness _kb = null!;

    [SetUp]
    public void CreateKnowledgeBase() => _kb = new KnowledgeBaseHarness();

    [TearDown]
    public void DisposeKnowledgeBase() => _kb.Dispose();

    [Test]
    public async Task Search_DraftAndSubmittedArticles_AreNotSearchable()
    {
        await _kb.Articles.CreateDraftAsync(Contents.RoamingEn(), "anna", "roaming-en", CancellationToken.None);
        var whileDraft = _kb.Search.Search("How do I activate roaming?", "en", 3);
        await _kb.Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        var whileInReview = _kb.Search.Search("How do I activate roaming?", "en", 3);

        Assert.Multiple(() =>
        {
            Assert.That(whileDraft, Is.Empty);
            Assert.That(whileInReview, Is.Empty);
        });
    }

    [Test]
    public async Task Search_AfterApproval_FindsArticleWithBothAnswers()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());

        var match = _kb.Search.Search("How do I activate roaming?", "en", 3).First();

        Assert.Multiple(() =>
        {
            Assert.That(match.ArticleId, Is.EqualTo("roaming-en"));
            Assert.That(match.Language, Is.EqualTo("en"));
            Assert.That(match.Category, Is.EqualTo("roaming"));
            Assert.That(match.Title, Is.EqualTo("Turning roaming on"));
            Assert.That(match.ShortAnswer, Is.EqualTo("Send ACT ROAMING."));
            Assert.That(match.LongAnswer, Does.Contain("**ACT ROAMING**"));
            Assert.That(match.Version, Is.EqualTo(1));
            Assert.That(match.Score, Is.GreaterThanOrEqualTo(_kb.Options.MinimumScore));
        });
    }

    [Test]
    public async Task Search_NewDraftOfPublishedArticle_ServesPublishedVersionUntilApproved()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("DRAFT: Send ACT ROAMING 2."), "anna", CancellationToken.None);
        await _kb.Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);

        var duringReview = _kb.Search.Search("activate roaming", "en", 1).Single();
        await _kb.Articles.ApproveAsync("roaming-en", "boris", CancellationToken.None);
        var afterApproval = _kb.Search.Search("activate roaming", "en", 1).Single();

        Assert.Multiple(() =>
        {
            Assert.That((duringReview.Version, duringReview.ShortAnswer), Is.EqualTo((1, "Send ACT ROAMING.")));
            Assert.That((afterApproval.Version, afterApproval.ShortAnswer), Is.EqualTo((2, "DRAFT: Send ACT ROAMING 2.")));
        });
    }

    [Test]
    public async Task Search_ReturnedDraftOfPublishedArticle_KeepsServingPublishedVersion()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.Articles.EditDraftAsync("roaming-en", Contents.RoamingEn("Wrong text."), "anna", CancellationToken.None);
        await _kb.Articles.SubmitAsync("roaming-en", "anna", CancellationToken.None);
        await _kb.Articles.ReturnAsync("roaming-en", "boris", "Wrong text.", CancellationToken.None);

        var match = _kb.Search.Search("activate roaming", "en", 1).Single();

        Assert.That(match.ShortAnswer, Is.EqualTo("Send ACT ROAMING."));
    }

    [Test]
    public async Task Search_RetiredArticle_Vanishes()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.PublishAsync("balance-en", Contents.BalanceEn());

        await _kb.Articles.RetireAsync("roaming-en", "carol", null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_kb.Search.Search("How do I activate roaming?", "en", 5).Select(m => m.ArticleId), Has.None.EqualTo("roaming-en"));
            Assert.That(_kb.Search.Search("How do I check my balance?", "en", 5).First().ArticleId, Is.EqualTo("balance-en"));
        });
    }

    [Test]
    public async Task Search_NewInstanceOverExistingDatabase_IndexesPublishedArticlesOnly()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.Articles.CreateDraftAsync(Contents.BalanceEn(), "anna", "balance-en", CancellationToken.None);

        using var restarted = new LuceneKnowledgeSearch(Options.Create(new KnowledgeBaseOptions()));
        await restarted.LoadAsync(_kb.Storage.Articles, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(restarted.Search("activate roaming", "en", 3).Select(m => m.ArticleId), Is.EqualTo(new[] { "roaming-en" }));
            Assert.That(restarted.Search("check my balance", "en", 3), Is.Empty);
        });
    }

    [TestCase("роуминг")]
    [TestCase("роуминга")]
    [TestCase("роумингом")]
    [TestCase("роуминге")]
    [TestCase("подключение роуминга")]
    [TestCase("как мне подключить роуминг перед поездкой")]
    public async Task Search_RussianWordForms_FindRoamingArticle(string question)
    {
        await _kb.PublishAsync("roaming-ru", Contents.RoamingRu());
        await _kb.PublishAsync("balance-en", Contents.BalanceEn());

        var match = _kb.Search.Search(question, "ru", 3).First();

        Assert.Multiple(() =>
        {
            Assert.That(match.ArticleId, Is.EqualTo("roaming-ru"));
            Assert.That(match.Score, Is.GreaterThanOrEqualTo(_kb.Options.MinimumScore));
        });
    }

    [Test]
    public async Task Search_YoAndYe_AreTheSameLetter()
    {
        await _kb.PublishAsync("bill-ru", new ArticleContent(
            "ru", "billing", "Счёт", ["Как получить счёт?"], ["счёт"], "В приложении.", "В приложении."));

        var withYe = _kb.Search.Search("как получить счет", "ru", 1).Single();
        var withYo = _kb.Search.Search("как получить счёт", "ru", 1).Single();

        Assert.That(withYe.Score, Is.EqualTo(withYo.Score));
    }

    [Test]
    public async Task Search_CaseAndPunctuation_DoNotMatter()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());

        var plain = _kb.Search.Search("how do i activate roaming", "en", 1).Single();
        var shouted = _kb.Search.Search("HOW DO I ACTIVATE ROAMING?!!", "en", 1).Single();

        Assert.That(shouted.Score, Is.EqualTo(plain.Score));
    }

    [Test]
    public async Task Search_MisspeltWord_StillFindsArticleWithLowerScore()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.PublishAsync("voicemail-en", Contents.VoicemailEn());

        var correct = _kb.Search.Search("activate roaming", "en", 1).Single();
        var misspelt = _kb.Search.Search("activate roamng", "en", 1).Single();

        Assert.Multiple(() =>
        {
            Assert.That(misspelt.ArticleId, Is.EqualTo("roaming-en"));
            Assert.That(misspelt.Score, Is.LessThan(correct.Score));
        });
    }

    [Test]
    public async Task Search_OnlyStopAndFillerWords_FindsNothing()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.PublishAsync("roaming-ru", Contents.RoamingRu());

        Assert.Multiple(() =>
        {
            Assert.That(_kb.Search.Search("hello, how do I do it please?", "en", 3), Is.Empty);
            Assert.That(_kb.Search.Search("здравствуйте, как мне это сделать?", "ru", 3), Is.Empty);
            Assert.That(_kb.Search.Search("   ", "en", 3), Is.Empty);
        });
    }

    [Test]
    public async Task Search_BothLanguagesPublished_PrefersTheAskedLanguage()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.PublishAsync("roaming-ru", Contents.RoamingRu());

        Assert.Multiple(() =>
        {
            Assert.That(_kb.Search.Search("How do I activate roaming?", "en", 3).Select(m => m.Language), Is.All.EqualTo("en"));
            Assert.That(_kb.Search.Search("Как подключить роуминг?", "ru", 3).Select(m => m.Language), Is.All.EqualTo("ru"));
        });
    }

    [Test]
    public async Task Search_NothingPassesInAskedLanguage_FallsBackToTheOther()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await _kb.PublishAsync("balance-ru", new ArticleContent("ru", "billing", "Баланс", ["Как узнать баланс?"], ["баланс"], "Отправьте БАЛАНС.", "Отправьте **БАЛАНС**."));

        var match = _kb.Search.Search("How do I activate roaming?", "ru", 3).First();

        Assert.Multiple(() =>
        {
            Assert.That(match.ArticleId, Is.EqualTo("roaming-en"));
            Assert.That(match.Language, Is.EqualTo("en"));
        });
    }

    [Test]
    public async Task Search_FallbackDisabled_StaysInTheAskedLanguage()
    {
        using var kb = new KnowledgeBaseHarness(new KnowledgeBaseOptions { FallbackToOtherLanguage = false });
        await kb.PublishAsync("roaming-en", Contents.RoamingEn());

        var matches = kb.Search.Search("How do I activate roaming?", "ru", 3);

        Assert.That(matches.Select(m => m.Language), Has.None.EqualTo("en"));
    }

    [TestCase("Как подключить роуминг?", "roaming-ru")]
    [TestCase("How do I activate roaming?", "roaming-en")]
    public async Task Search_UnknownLanguageCode_GuessesFromTheAlphabet(string question, string expected)
    {
        using var kb = new KnowledgeBaseHarness(new KnowledgeBaseOptions { FallbackToOtherLanguage = false });
        await kb.PublishAsync("roaming-en", Contents.RoamingEn());
        await kb.PublishAsync("roaming-ru", Contents.RoamingRu());

        var match = kb.Search.Search(question, "xx", 1).Single();

        Assert.That(match.ArticleId, Is.EqualTo(expected));
    }

    [Test]
    public async Task Search_MaxResults_LimitsAndZeroMeansTheConfiguredDefault()
    {
        using var kb = new KnowledgeBaseHarness(new KnowledgeBaseOptions { MaxResults = 2 });
        await kb.Importer.ImportFromAsync(KnowledgeBaseHarness.SampleDirectory, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(kb.Search.Search("roaming internet sms balance", "en", 1), Has.Count.EqualTo(1));
            Assert.That(kb.Search.Search("roaming internet sms balance", "en", 0), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Upsert_OlderVersionThanIndexed_IsIgnored()
    {
        _kb.Search.Upsert(new PublishedArticle("roaming-en", 2, Contents.RoamingEn("Version two.")));
        _kb.Search.Upsert(new PublishedArticle("roaming-en", 1, Contents.RoamingEn("Version one.")));

        var match = _kb.Search.Search("activate roaming", "en", 1).Single();

        Assert.That((match.Version, match.ShortAnswer), Is.EqualTo((2, "Version two.")));
    }

    [Test]
    public async Task Search_ConcurrentPublishingAndSearching_NeverFails()
    {
        await _kb.PublishAsync("roaming-en", Contents.RoamingEn());

        var searches = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.That(_kb.Search.Search("activate roaming", "en", 3), Is.Not.Empty);
            }
        });
        for (var i = 2; i < 40; i++)
        {
            _kb.Search.Upsert(new PublishedArticle("roaming-en", i, Contents.RoamingEn($"Version {i}.")));
            _kb.Search.Upsert(new PublishedArticle($"other-{i}", 1, Contents.BalanceEn()));
        }

        await searches;
    }
}
