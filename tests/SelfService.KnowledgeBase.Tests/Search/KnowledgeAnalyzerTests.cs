using SelfService.KnowledgeBase.Search;

namespace SelfService.KnowledgeBase.Tests.Search;

[TestFixture]
public sealed class KnowledgeAnalyzerTests
{
    private KnowledgeAnalyzer Russian { get; set; } = null!;

    private KnowledgeAnalyzer English { get; set; } = null!;

    [OneTimeSetUp]
    public void CreateAnalyzers()
    {
        Russian = KnowledgeAnalyzer.Create(SearchLexicon.Russian);
        English = KnowledgeAnalyzer.Create(SearchLexicon.English);
    }

    [OneTimeTearDown]
    public void DisposeAnalyzers()
    {
        Russian.Dispose();
        English.Dispose();
    }

    [Test]
    public void Terms_RussianCaseEndings_ReduceToOneStem()
    {
        var stems = new[] { "роуминг", "роуминга", "роумингом", "роуминге" }.Select(w => Russian.Terms(w).Single()).Distinct();

        Assert.That(stems, Has.Exactly(1).Items);
    }

    [Test]
    public void Terms_EnglishInflections_ReduceToOneStem()
    {
        var stems = new[] { "activate", "activated", "activation", "enable" }.Select(w => English.Terms(w).Single()).Distinct();

        Assert.That(stems, Has.Exactly(1).Items);
    }

    [Test]
    public void Terms_YoAndYe_AreFolded()
    {
        Assert.That(Russian.Terms("счёт ещё"), Is.EqualTo(Russian.Terms("счет еще")));
    }

    [TestCase("Здравствуйте, подскажите пожалуйста", "ru")]
    [TestCase("hi there, could you please tell me how", "en")]
    public void Terms_GreetingsAndFiller_AreRemoved(string text, string language)
    {
        var analyzer = language == "ru" ? Russian : English;

        Assert.That(analyzer.Terms(text), Is.Empty);
    }

    [TestCase("инет", "интернет")]
    [TestCase("симка", "sim")]
    [TestCase("эсэмэска", "смс")]
    [TestCase("закинуть", "пополнить")]
    public void Terms_RussianColloquialWords_MapToTheirCanonicalWord(string colloquial, string canonical)
    {
        Assert.That(Russian.Terms(colloquial), Is.EqualTo(Russian.Terms(canonical)));
    }

    [TestCase("recharge", "top")]
    [TestCase("texts", "sms")]
    [TestCase("gigs", "gb")]
    public void Terms_EnglishColloquialWords_MapToTheirCanonicalWord(string colloquial, string canonical)
    {
        Assert.That(English.Terms(colloquial), Is.EqualTo(English.Terms(canonical)));
    }

    [Test]
    public void Terms_CountryNames_AllMeanCountry()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Russian.Terms("в Египте"), Is.EqualTo(Russian.Terms("страна")));
            Assert.That(Russian.Terms("Турция"), Is.EqualTo(Russian.Terms("стране")));
            Assert.That(English.Terms("Spain"), Is.EqualTo(English.Terms("country")));
        });
    }

    [Test]
    public void Terms_Negations_FoldIntoOneTerm()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Russian.Terms("не приходят"), Does.Contain(KnowledgeAnalyzer.NegationTerm));
            Assert.That(Russian.Terms("нет связи"), Does.Contain(KnowledgeAnalyzer.NegationTerm));
            Assert.That(English.Terms("can't send"), Does.Contain(KnowledgeAnalyzer.NegationTerm));
            Assert.That(English.Terms("no signal"), Does.Contain(KnowledgeAnalyzer.NegationTerm));
        });
    }

    [Test]
    public void Terms_NegativeAmount_ReadsAsMinus()
    {
        Assert.Multiple(() =>
        {
            Assert.That(English.Terms("balance -85"), Does.Contain(English.Terms("minus").Single()));
            Assert.That(Russian.Terms("баланс −120"), Does.Contain(Russian.Terms("минус").Single()));
            Assert.That(English.Terms("top-up"), Does.Not.Contain(English.Terms("minus").Single()));
        });
    }

    [Test]
    public void Terms_NumberGluedToUnit_AreSplit()
    {
        Assert.That(English.Terms("10gb"), Is.EqualTo(English.Terms("10 GB")));
    }

    [Test]
    public void Terms_ESimSpellings_AreOneTerm()
    {
        Assert.That(English.Terms("e-SIM").Concat(Russian.Terms("есим")), Is.All.EqualTo("esim"));
    }
}
