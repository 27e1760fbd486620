using SelfService.Channels.Smpp;
using SelfService.Messaging;
using SelfService.Messaging.Text;

namespace SelfService.Channels.Tests;

public class ReplySizerTests
{
    private static readonly ChannelProfile Sms = new(ChannelNames.Sms, ReplyForm.Short, MaxSmsParts: 1, SenderIsMsisdn: true, Measure: GsmMeasure.Measure);
    private static readonly ChannelProfile Web = new(ChannelNames.WebChat, ReplyForm.Long, MaxSmsParts: 0, SenderIsMsisdn: false);

    [Test]
    public void Fit_LongChannel_GetsTheMarkdownAnswer()
    {
        var reply = new Reply("short", "**long** answer");
        Assert.That(ReplySizer.Fit(reply, Web), Is.EqualTo("**long** answer"));
    }

    [Test]
    public void Fit_LongChannelWithoutLongForm_GetsTheShortOne()
    {
        Assert.That(ReplySizer.Fit(new Reply("only short"), Web), Is.EqualTo("only short"));
    }

    [Test]
    public void Fit_ShortChannel_GetsTheShortAnswerUntouchedWhenItFits()
    {
        Assert.That(ReplySizer.Fit(new Reply("Balance: 350.00 RUB", "long"), Sms), Is.EqualTo("Balance: 350.00 RUB"));
    }

    [Test]
    public void Fit_CyrillicTooLongForOneSms_IsCutAtAWordWithAnEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("роуминг", 20)); // 159 UCS-2 characters
        var fitted = ReplySizer.Fit(new Reply(text), Sms);
        Assert.Multiple(() =>
        {
            Assert.That(GsmMeasure.Measure(fitted).Parts, Is.EqualTo(1));
            Assert.That(fitted, Does.EndWith("роуминг…"));
            Assert.That(fitted.Length, Is.LessThanOrEqualTo(70));
        });
    }

    [Test]
    public void Shorten_Gsm7Text_UsesThreeDotsSoItStaysGsm7()
    {
        var text = string.Join(' ', Enumerable.Repeat("roaming", 40));
        var fitted = ReplySizer.Shorten(text, 1, GsmMeasure.Measure);
        Assert.Multiple(() =>
        {
            Assert.That(fitted, Does.EndWith("roaming..."));
            Assert.That(GsmMeasure.Measure(fitted), Is.EqualTo(new SmsLength(SmsEncoding.Gsm7, fitted.Length, 1)));
        });
    }

    [Test]
    public void Shorten_TwoPartsAllowed_KeepsUpToTwoParts()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));
        var fitted = ReplySizer.Shorten(text, 2, GsmMeasure.Measure);
        Assert.That(GsmMeasure.Measure(fitted).Parts, Is.EqualTo(2));
        Assert.That(fitted.Length, Is.GreaterThan(290));
    }

    [Test]
    public void Shorten_OneEndlessWord_IsCutByCharacters()
    {
        var fitted = ReplySizer.Shorten(new string('x', 500), 1, GsmMeasure.Measure);
        Assert.That(fitted, Is.EqualTo(new string('x', 157) + "..."));
    }

    [Test]
    public void Fit_ChannelWithoutAMeasure_IsSizedAsUcs2TheStrictest()
    {
        var unmeasured = Sms with { Measure = null };
        var fitted = ReplySizer.Fit(new Reply(string.Join(' ', Enumerable.Repeat("roaming", 40))), unmeasured);
        Assert.Multiple(() =>
        {
            Assert.That(fitted, Does.EndWith("roaming…"));
            Assert.That(fitted.Length, Is.LessThanOrEqualTo(SmsLength.Ucs2Single));
            Assert.That(GsmMeasure.Measure(fitted).Parts, Is.EqualTo(1));
        });
    }

    [Test]
    public void Fit_ShortChannelWithChoicesHeading_ListsTheChoicesUnderIt()
    {
        var reply = new Reply("Check the APN.", "long", ["Internet settings", "4G/5G coverage"]) { ChoicesHeading = "More, reply with the number:" };

        var fitted = ReplySizer.Fit(reply, Sms with { MaxSmsParts = 2 });

        Assert.That(fitted, Is.EqualTo("Check the APN.\nMore, reply with the number:\n1. Internet settings\n2. 4G/5G coverage"));
    }

    [Test]
    public void Fit_ShortChannelWithChoicesHeading_CutsTheTextAndKeepsTheChoicesWhole()
    {
        var text = string.Join(' ', Enumerable.Repeat("roaming", 40));
        var reply = new Reply(text, null, ["Roaming prices"]) { ChoicesHeading = "More, reply with the number:" };

        var fitted = ReplySizer.Fit(reply, Sms);

        Assert.Multiple(() =>
        {
            Assert.That(GsmMeasure.Measure(fitted).Parts, Is.EqualTo(1));
            Assert.That(fitted, Does.StartWith("roaming roaming").And.EndWith("...\nMore, reply with the number:\n1. Roaming prices"));
        });
    }

    [Test]
    public void Fit_ShortChannelWithChoicesButNoHeading_ShowsTheShortTextAlone()
    {
        Assert.That(ReplySizer.Fit(new Reply("Reply YES or NO.", null, ["YES", "NO"]), Sms), Is.EqualTo("Reply YES or NO."));
    }

    [Test]
    public void Fit_UssdWithChoicesHeading_NumbersTheChoicesWithoutTheHeading()
    {
        var ussd = new ChannelProfile(ChannelNames.Ussd, ReplyForm.Ussd, MaxSmsParts: 1, SenderIsMsisdn: true, Measure: GsmMeasure.Measure);
        var reply = new Reply("Check the APN.", "long", ["Internet settings", "4G/5G coverage"]) { ChoicesHeading = "More, reply with the number:" };

        Assert.That(ReplySizer.Fit(reply, ussd), Is.EqualTo("Check the APN.\n1. Internet settings\n2. 4G/5G coverage"));
    }

    [Test]
    public void Voice_AMenuIsItsTitle_AnAnswerItsShortForm_TheChoicesAreSpokenByTheChannel()
    {
        var voice = new ChannelProfile(ChannelNames.Voice, ReplyForm.Voice, MaxSmsParts: 1, SenderIsMsisdn: false);
        var menu = new Reply("Северный Телеком\n1.Баланс\n2.Услуги", "Северный Телеком", ["Баланс", "Услуги"], ShortListsChoices: true);
        var answer = new Reply("Баланс: 120 руб.", "**Баланс**: 120 руб. [Пополнить](https://example.ru)");

        Assert.That(ReplySizer.Fit(menu, voice), Is.EqualTo("Северный Телеком"));
        Assert.That(ReplySizer.Fit(answer, voice), Is.EqualTo("Баланс: 120 руб."));
    }
}
