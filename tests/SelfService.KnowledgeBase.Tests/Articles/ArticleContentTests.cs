using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Articles;

[TestFixture]
public sealed class ArticleContentTests
{
    [Test]
    public void Equals_SameValuesInDifferentListInstances_AreEqual()
    {
        var a = Contents.RoamingEn();
        var b = a with { Questions = a.Questions.ToArray(), Keywords = a.Keywords.ToList() };

        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(a));
            Assert.That(b.GetHashCode(), Is.EqualTo(a.GetHashCode()));
        });
    }

    [Test]
    public void Equals_QuestionsInAnotherOrder_AreNotEqual()
    {
        var a = Contents.RoamingEn();
        var b = a with { Questions = a.Questions.Reverse().ToArray() };

        Assert.That(b, Is.Not.EqualTo(a));
    }

    [Test]
    public void Equals_DifferentKeyword_AreNotEqual()
    {
        var a = Contents.RoamingEn();
        var b = a with { Keywords = [.. a.Keywords, "abroad"] };

        Assert.That(b, Is.Not.EqualTo(a));
    }
}
