using SelfService.Commands.Surveys;
using SelfService.Commands.Texts;
using SelfService.Messaging;
using SelfService.Storage.History;
using SelfService.Storage.Surveys;

namespace SelfService.Commands.Tests.Surveys;

/// <summary>Survey prompts per channel, the reader of each answer kind, and the rules of a sendable survey: no store needed.</summary>
public class SurveyPartsTests
{
    [Test]
    public void Prompts_SmsNumbers_TelegramButtons_EmailSaysReply()
    {
        var prompts = new SurveyPrompts(ReplyTexts.LoadDefault());
        var why = SurveyAnsweringTests.Survey().Questions[1];

        var sms = prompts.Ask(why, "en", ChannelNames.Sms);
        var telegram = prompts.Ask(why, "en", ChannelNames.Telegram);
        var email = prompts.Ask(SurveyAnsweringTests.Survey().Questions[0], "en", ChannelNames.Email, "Dear customer,");

        Assert.That(SurveyPrompts.ForOutbox(sms, ChannelNames.Sms), Is.EqualTo(("What did you not like?\n1. Price\n2. Network\nReply with the number.", new List<string>())).Using(new OutboxComparer()));
        Assert.That(SurveyPrompts.ForOutbox(telegram, ChannelNames.Telegram).Text, Is.EqualTo("What did you not like?"));
        Assert.That(SurveyPrompts.ForOutbox(telegram, ChannelNames.Telegram).Choices, Is.EqualTo(new[] { "Price", "Network" }));
        Assert.That(SurveyPrompts.ForOutbox(email, ChannelNames.Email).Text,
            Is.EqualTo("Dear customer,\n\nRate us from 1 to 5\nReply with a number from 1 to 5.\n\nReply to this email with your answer."));
    }

    [TestCase(QuestionKind.YesNo, "Да", "yes")]
    [TestCase(QuestionKind.YesNo, "no", "no")]
    [TestCase(QuestionKind.Score10, "0", "0")]
    [TestCase(QuestionKind.Score10, "10", "10")]
    [TestCase(QuestionKind.Score10, "11", null)]
    [TestCase(QuestionKind.Score5, "0", null)]
    [TestCase(QuestionKind.Number, "1 500,5", "1500.5")]
    [TestCase(QuestionKind.Number, "много", null)]
    [TestCase(QuestionKind.Choice, "связь", "network")]
    [TestCase(QuestionKind.Choice, "2", "network")]
    [TestCase(QuestionKind.Choice, "3", null)]
    public void Reader_ReadsEachKind(QuestionKind kind, string text, string? expected)
    {
        var question = new SurveyQuestion { Id = "q", Kind = kind, Options = SurveyAnsweringTests.Survey().Questions[1].Options };

        var read = SurveyAnswerReader.TryRead(question, text, out var value);

        Assert.That(read ? value : null, Is.EqualTo(expected));
    }

    [Test]
    public void Rules_SayEachFault()
    {
        var survey = SurveyAnsweringTests.Survey();
        survey.Questions[1].Jumps.Add(new SurveyJump { Answers = ["price"], GoTo = "score" });
        survey.Questions[2].Next = "nowhere";
        survey.Questions.Add(new SurveyQuestion { Id = "score", Kind = QuestionKind.Choice, Texts = new() { ["en"] = "?" } });

        Assert.That(SurveyRules.Check(survey, "ru"), Is.EquivalentTo(new[]
        {
            "survey.questions[1]: jumps back to \"score\"; a survey only goes forward.",
            "survey.questions[2]: jumps to \"nowhere\", which is no question of this survey.",
            "survey.questions[0].id: \"score\" is used twice.",
            "survey.questions[3].id: \"score\" is used twice.",
            "survey.questions[3].texts: the question in \"ru\" (the default language) is required.",
            "survey.questions[3].options: a choice needs at least two options, each with a value and a label.",
        }));
        Assert.That(SurveyRules.Check(SurveyAnsweringTests.Survey(), "ru"), Is.Empty);
    }

    private sealed class OutboxComparer : IEqualityComparer<(string, List<string>)>
    {
        public bool Equals((string, List<string>) x, (string, List<string>) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((string, List<string>) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
