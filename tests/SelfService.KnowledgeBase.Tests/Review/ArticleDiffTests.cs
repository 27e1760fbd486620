using SelfService.KnowledgeBase.Tests.TestSupport;

namespace SelfService.KnowledgeBase.Tests.Review;

[TestFixture]
public sealed class ArticleDiffTests
{
    [Test]
    public void Compare_NoEarlierVersion_ShowsEveryFieldAsAdded()
    {
        var diff = ArticleDiff.Compare(null, Contents.RoamingRu());

        Assert.That(diff.Select(f => f.Field), Is.EqualTo(new[]
        {
            ArticleFields.Title, ArticleFields.Category, ArticleFields.Questions, ArticleFields.Keywords, ArticleFields.ShortAnswer, ArticleFields.LongAnswer,
        }));
        Assert.That(diff.SelectMany(f => f.Lines).All(l => l.Kind == DiffKind.Added), Is.True);
        Assert.That(diff.Single(f => f.Field == ArticleFields.LongAnswer).Lines.Select(l => l.Text),
            Is.EqualTo(new[] { "## Роуминг", "", "Отправьте **ВКЛ РОУМИНГ**." }));
    }

    [Test]
    public void Compare_ChangedShortAnswerAndOneMoreQuestion_MarksOnlyThose()
    {
        var before = Contents.RoamingRu();
        var after = before with
        {
            Questions = [.. before.Questions, "Роуминг за границей"],
            ShortAnswer = "Отправьте ВКЛ РОУМИНГ на 100.",
        };

        var diff = ArticleDiff.Compare(before, after);

        Assert.That(diff.Where(f => f.Changed).Select(f => f.Field), Is.EqualTo(new[] { ArticleFields.Questions, ArticleFields.ShortAnswer }));
        Assert.That(diff.Single(f => f.Field == ArticleFields.Questions).Lines.Last(), Is.EqualTo(new DiffLine(DiffKind.Added, "Роуминг за границей")));
        Assert.That(diff.Single(f => f.Field == ArticleFields.ShortAnswer).Lines, Is.EqualTo(new[]
        {
            new DiffLine(DiffKind.Removed, "Отправьте ВКЛ РОУМИНГ."), new DiffLine(DiffKind.Added, "Отправьте ВКЛ РОУМИНГ на 100."),
        }));
    }
}
