namespace SelfService.KnowledgeBase.Tests.Search;

[TestFixture]
public sealed class QuestionTermsTests
{
    private QuestionTerms _terms = null!;

    [SetUp]
    public void Create() => _terms = new QuestionTerms();

    [TearDown]
    public void Dispose() => _terms.Dispose();

    [Test]
    public void Of_SameQuestionInOtherWordFormsAndFiller_GivesTheSameTerms()
    {
        var first = _terms.Of("Здравствуйте, почему не приходят СМС?", "ru");
        var second = _terms.Of("смс не пришла", "ru");

        Assert.That(first, Is.Not.Empty);
        Assert.That(first.Intersect(second), Is.Not.Empty);
        Assert.That(_terms.Of("How do I top up my account?", "en"), Is.EquivalentTo(_terms.Of("topping up account", "en")));
    }

    [Test]
    public void Of_OnlyFillerWords_IsEmpty()
    {
        Assert.That(_terms.Of("Здравствуйте, подскажите пожалуйста", "ru"), Is.Empty);
    }
}
