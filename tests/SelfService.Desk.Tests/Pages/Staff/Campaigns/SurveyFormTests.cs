using SelfService.Commands.Surveys;
using SelfService.Desk.Pages.Staff.Campaigns;
using SelfService.Storage.Surveys;

namespace SelfService.Desk.Tests.Pages.Staff.Campaigns;

[TestFixture]
public sealed class SurveyFormTests
{
    [Test]
    public void ToDefinition_ChoiceWithSkipLogic_IsTheSurveyTheApiWouldTake_AndPassesItsRules()
    {
        var form = new SurveyForm
        {
            ExpiresAfterHours = 1.5,
            ThanksRu = "Спасибо!",
            Questions =
            [
                new QuestionForm
                {
                    Id = "pleased", Kind = QuestionKind.YesNo, TextRu = "Довольны связью?", TextEn = "Happy with the network?",
                    Jumps = "yes -> end\r\n", Next = "",
                },
                new QuestionForm
                {
                    Id = "reason", Kind = QuestionKind.Choice, TextRu = "Что не так?", TextEn = "What is wrong?",
                    Options = "Цена | Price\n\n  Связь|Network \nДругое",
                },
                new QuestionForm(),   // added and left blank: not a question
            ],
        };

        var (survey, problems) = form.ToDefinition();

        Assert.That(problems, Is.Empty);
        Assert.That(survey!.Questions.Select(q => q.Id), Is.EqualTo(new[] { "pleased", "reason" }));
        Assert.That(survey.ExpiresAfterMinutes, Is.EqualTo(90));
        Assert.That(survey.Thanks, Is.EqualTo(new Dictionary<string, string> { ["ru"] = "Спасибо!" }));
        var jump = survey.Questions[0].Jumps.Single();
        Assert.That((jump.Answers, jump.GoTo), Is.EqualTo((new List<string> { "yes" }, "end")));
        Assert.That(survey.Questions[0].Next, Is.Null, "an empty 'then' goes on to the next question");
        var options = survey.Questions[1].Options;
        Assert.That(options.Select(o => o.Value), Is.EqualTo(new[] { "1", "2", "3" }), "blank lines are no options; values are their numbers");
        Assert.That(options[1].Labels, Is.EqualTo(new Dictionary<string, string> { ["ru"] = "Связь", ["en"] = "Network" }));
        Assert.That(options[2].Labels, Is.EqualTo(new Dictionary<string, string> { ["ru"] = "Другое" }));
        Assert.That(SurveyRules.Check(survey, "ru"), Is.Empty);
    }

    [Test]
    public void ToDefinition_LinesThatAreNoOptionOrJump_AreNamed_WithTheQuestionAndLine()
    {
        var form = new SurveyForm
        {
            Questions =
            [
                new QuestionForm { Id = "q1", Kind = QuestionKind.Choice, TextRu = "?", Options = "a | b | c\nЦена | Price", Jumps = "1 2 reason\n -> end" },
            ],
        };

        var (survey, problems) = form.ToDefinition();

        Assert.That(survey, Is.Null);
        Assert.That(problems, Has.Count.EqualTo(3));
        Assert.That(problems[0], Does.StartWith("survey.questions[0].options, line 1: \"a | b | c\""));
        Assert.That(problems[1], Does.StartWith("survey.questions[0].jumps, line 1: \"1 2 reason\""));
        Assert.That(problems[2], Does.StartWith("survey.questions[0].jumps, line 2: \"-> end\""));
    }

    [Test]
    public void IsEmpty_WhenNoQuestionHasAnythingInIt()
    {
        Assert.That(new SurveyForm().IsEmpty, Is.True);
        Assert.That(new SurveyForm { Questions = [new QuestionForm(), new QuestionForm { Kind = QuestionKind.Score5 }] }.IsEmpty, Is.True);
        Assert.That(new SurveyForm { Questions = [new QuestionForm { TextEn = "Rate us" }] }.IsEmpty, Is.False);
    }

    [Test]
    public void ToDefinition_BoundsAreKeptForANumberOnly()
    {
        var form = new SurveyForm
        {
            Questions =
            [
                new QuestionForm { Id = "age", Kind = QuestionKind.Number, TextRu = "Возраст?", Min = 14, Max = 120 },
                new QuestionForm { Id = "score", Kind = QuestionKind.Score5, TextRu = "Оценка?", Min = 3 },
            ],
        };

        var (survey, _) = form.ToDefinition();

        Assert.That((survey!.Questions[0].Min, survey.Questions[0].Max), Is.EqualTo(((decimal?)14, (decimal?)120)));
        Assert.That(survey.Questions[1].Min, Is.Null);
    }
}
