using SelfService.Desk.Pages.Staff.Kb;

namespace SelfService.Desk.Tests.Pages.Staff.Kb;

[TestFixture]
public sealed class ArticleFormTests
{
    [Test]
    public void ToContent_LinesOfAnyEnding_AreTrimmedAndBlankOnesDropped()
    {
        var form = new ArticleForm
        {
            Language = "ru", Category = "roaming", Title = "Роуминг", Questions = " Как включить роуминг? \r\n\r\nРоуминг за границей\n ",
            Keywords = "роуминг\rпоездка", ShortAnswer = "Отправьте ВКЛ РОУМИНГ.", LongAnswer = "**ВКЛ РОУМИНГ**",
        };

        var content = form.ToContent();

        Assert.That(content.Questions, Is.EqualTo(new[] { "Как включить роуминг?", "Роуминг за границей" }));
        Assert.That(content.Keywords, Is.EqualTo(new[] { "роуминг", "поездка" }));
    }

    [Test]
    public void ForQuestions_StartsANewArticleFromTheGroup()
    {
        var form = ArticleForm.ForQuestions("en", ["Where is your shop?", "shop address"]);

        Assert.That((form.Language, form.Title, form.Questions), Is.EqualTo(("en", "Where is your shop?", "Where is your shop?\nshop address")));
        Assert.That(ArticleForm.ForQuestions("de", []).Language, Is.EqualTo("ru"), "an unsupported language falls back to Russian");
    }
}
