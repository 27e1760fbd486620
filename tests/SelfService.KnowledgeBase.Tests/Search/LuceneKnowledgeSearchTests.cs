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
    public void Search_DraftAndSubmittedArticles_AreNotSearchable()
    {
        _kb.Articles.CreateDraft(Contents.RoamingEn(), "anna", "roaming-en");
        var whileDraft = _kb.Search.Search("How do I activate roaming?", "en", 3);
        _kb.Articles.Submit("roaming-en", "anna");
        var whileInReview = _kb.Search.Search("How do I activate roaming?", "en", 3);

        Assert.Multiple(() =>
        {
            Assert.That(whileDraft, Is.Empty);
            Assert.That(whileInReview, Is.Empty);
        });
    }

    [Test]
    public void Search_AfterApproval_FindsArticleWithBothAnswers()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());

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
    public void Search_NewDraftOfPublishedArticle_ServesPublishedVersionUntilApproved()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Articles.EditDraft("roaming-en", Contents.RoamingEn("DRAFT: Send ACT ROAMING 2."), "anna");
        _kb.Articles.Submit("roaming-en", "anna");

        var duringReview = _kb.Search.Search("activate roaming", "en", 1).Single();
        _kb.Articles.Approve("roaming-en", "boris");
        var afterApproval = _kb.Search.Search("activate roaming", "en", 1).Single();

        Assert.Multiple(() =>
        {
            Assert.That((duringReview.Version, duringReview.ShortAnswer), Is.EqualTo((1, "Send ACT ROAMING.")));
            Assert.That((afterApproval.Version, afterApproval.ShortAnswer), Is.EqualTo((2, "DRAFT: Send ACT ROAMING 2.")));
        });
    }

    [Test]
    public void Search_ReturnedDraftOfPublishedArticle_KeepsServingPublishedVersion()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Articles.EditDraft("roaming-en", Contents.RoamingEn("Wrong text."), "anna");
        _kb.Articles.Submit("roaming-en", "anna");
        _kb.Articles.Return("roaming-en", "boris", "Wrong text.");

        var match = _kb.Search.Search("activate roaming", "en", 1).Single();

        Assert.That(match.ShortAnswer, Is.EqualTo("Send ACT ROAMING."));
    }

    [Test]
    public void Search_RetiredArticle_Vanishes()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Publish("balance-en", Contents.BalanceEn());

        _kb.Articles.Retire("roaming-en", "carol");

        Assert.Multiple(() =>
        {
            Assert.That(_kb.Search.Search("How do I activate roaming?", "en", 5).Select(m => m.ArticleId), Has.None.EqualTo("roaming-en"));
            Assert.That(_kb.Search.Search("How do I check my balance?", "en", 5).First().ArticleId, Is.EqualTo("balance-en"));
        });
    }

    [Test]
    public void Search_NewInstanceOverExistingDatabase_IndexesPublishedArticlesOnly()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Articles.CreateDraft(Contents.BalanceEn(), "anna", "balance-en");

        using var restarted = new LuceneKnowledgeSearch(_kb.Database, Options.Create(new KnowledgeBaseOptions()));

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
    public void Search_RussianWordForms_FindRoamingArticle(string question)
    {
        _kb.Publish("roaming-ru", Contents.RoamingRu());
        _kb.Publish("balance-en", Contents.BalanceEn());

        var match = _kb.Search.Search(question, "ru", 3).First();

        Assert.Multiple(() =>
        {
            Assert.That(match.ArticleId, Is.EqualTo("roaming-ru"));
            Assert.That(match.Score, Is.GreaterThanOrEqualTo(_kb.Options.MinimumScore));
        });
    }

    [Test]
    public void Search_YoAndYe_AreTheSameLetter()
    {
        _kb.Publish("bill-ru", new ArticleContent(
            "ru", "billing", "Счёт", ["Как получить счёт?"], ["счёт"], "В приложении.", "В приложении."));

        var withYe = _kb.Search.Search("как получить счет", "ru", 1).Single();
        var withYo = _kb.Search.Search("как получить счёт", "ru", 1).Single();

        Assert.That(withYe.Score, Is.EqualTo(withYo.Score));
    }

    [Test]
    public void Search_CaseAndPunctuation_DoNotMatter()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());

        var plain = _kb.Search.Search("how do i activate roaming", "en", 1).Single();
        var shouted = _kb.Search.Search("HOW DO I ACTIVATE ROAMING?!!", "en", 1).Single();

        Assert.That(shouted.Score, Is.EqualTo(plain.Score));
    }

    [Test]
    public void Search_MisspeltWord_StillFindsArticleWithLowerScore()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Publish("voicemail-en", Contents.VoicemailEn());

        var correct = _kb.Search.Search("activate roaming", "en", 1).Single();
        var misspelt = _kb.Search.Search("activate roamng", "en", 1).Single();

        Assert.Multiple(() =>
        {
            Assert.That(misspelt.ArticleId, Is.EqualTo("roaming-en"));
            Assert.That(misspelt.Score, Is.LessThan(correct.Score));
        });
    }

    [Test]
    public void Search_OnlyStopAndFillerWords_FindsNothing()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Publish("roaming-ru", Contents.RoamingRu());

        Assert.Multiple(() =>
        {
            Assert.That(_kb.Search.Search("hello, how do I do it please?", "en", 3), Is.Empty);
            Assert.That(_kb.Search.Search("здравствуйте, как мне это сделать?", "ru", 3), Is.Empty);
            Assert.That(_kb.Search.Search("   ", "en", 3), Is.Empty);
        });
    }

    [Test]
    public void Search_BothLanguagesPublished_PrefersTheAskedLanguage()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Publish("roaming-ru", Contents.RoamingRu());

        Assert.Multiple(() =>
        {
            Assert.That(_kb.Search.Search("How do I activate roaming?", "en", 3).Select(m => m.Language), Is.All.EqualTo("en"));
            Assert.That(_kb.Search.Search("Как подключить роуминг?", "ru", 3).Select(m => m.Language), Is.All.EqualTo("ru"));
        });
    }

    [Test]
    public void Search_NothingPassesInAskedLanguage_FallsBackToTheOther()
    {
        _kb.Publish("roaming-en", Contents.RoamingEn());
        _kb.Publish("balance-ru", new ArticleContent("ru", "billing", "Баланс", ["Как узнать баланс?"], ["баланс"], "Отправьте БАЛАНС.", "Отправьте **БАЛАНС**."));

        var match = _kb.Search.Search("How do I activate roaming?", "ru", 3).First();

        Assert.Multiple(() =>
        {
            Assert.That(match.ArticleId, Is.EqualTo("roaming-en"));
            Assert.That(match.Language, Is.EqualTo("en"));
        });
    }

    [Test]
    public void Search_FallbackDisabled_StaysInTheAskedLanguage()
    {
        using var kb = new KnowledgeBaseHarness(new KnowledgeBaseOptions { FallbackToOtherLanguage = false });
        kb.Publish("roaming-en", Contents.RoamingEn());

        var matches = kb.Search.Search("How do I activate roaming?", "ru", 3);

        Assert.That(matches.Select(m => m.Language), Has.None.EqualTo("en"));
    }

    [TestCase("Как подключить роуминг?", "roaming-ru")]
    [TestCase("How do I activate roaming?", "roaming-en")]
    public void Search_UnknownLanguageCode_GuessesFromTheAlphabet(string question, string expected)
    {
        using var kb = new KnowledgeBaseHarness(new KnowledgeBaseOptions { FallbackToOtherLanguage = false });
        kb.Publish("roaming-en", Contents.RoamingEn());
        kb.Publish("roaming-ru", Contents.RoamingRu());

        var match = kb.Search.Search(question, "xx", 1).Single();

        Assert.That(match.ArticleId, Is.EqualTo(expected));
    }

    [Test]
    public void Search_MaxResults_LimitsAndZeroMeansTheConfiguredDefault()
    {
        using var kb = new KnowledgeBaseHarness(new KnowledgeBaseOptions { MaxResults = 2 });
        kb.Importer.ImportFrom(KnowledgeBaseHarness.SampleDirectory);

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
        _kb.Publish("roaming-en", Contents.RoamingEn());

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
