using SelfService.Channels.Smpp;
using SelfService.Desk.Pages.Staff.Kb;
using SelfService.Messaging.Text;
using SelfService.Channels.Text;

namespace SelfService.Desk.Tests.Pages.Staff.Kb;

[TestFixture]
public sealed class ChannelPreviewTests
{
    private static ChannelPreview Of(string shortAnswer, string longAnswer = "Answer.", int? smsMaxParts = null) =>
        new("Title", shortAnswer, longAnswer, smsMaxParts);

    // The SMS boundaries: 160 GSM-7 in one, 153 per part; 70 UCS-2 in one, 67 per part; € takes two septets.
    [TestCase(160, 'a', SmsEncoding.Gsm7, 160, 1, 160)]
    [TestCase(161, 'a', SmsEncoding.Gsm7, 161, 2, 153)]
    [TestCase(306, 'a', SmsEncoding.Gsm7, 306, 2, 153)]
    [TestCase(307, 'a', SmsEncoding.Gsm7, 307, 3, 153)]
    [TestCase(80, '€', SmsEncoding.Gsm7, 160, 1, 160)]
    [TestCase(81, '€', SmsEncoding.Gsm7, 162, 2, 153)]
    [TestCase(70, 'ж', SmsEncoding.Ucs2, 70, 1, 70)]
    [TestCase(71, 'ж', SmsEncoding.Ucs2, 71, 2, 67)]
    [TestCase(135, 'ж', SmsEncoding.Ucs2, 135, 3, 67)]
    public void Sms_AtTheBoundaries_CountsEncodingUnitsAndParts(int length, char character, SmsEncoding encoding, int units, int parts, int perPart)
    {
        var preview = Of(new string(character, length));

        Assert.That((preview.Sms.Encoding, preview.Sms.Units, preview.Sms.Parts, preview.SmsUnitsPerPart), Is.EqualTo((encoding, units, parts, perPart)));
    }

    [TestCase("Send BAL to 100.")]
    [TestCase("Баланс: отправьте БАЛАНС.")]
    [TestCase("Price: 5€ {per} [day] ~ ok")]
    [TestCase("Emoji 📱 forces UCS-2")]
    public void Sms_AnyText_AgreesWithWhatTheGatewaySendsWith(string text)
    {
        Assert.That(Of(text).Sms, Is.EqualTo(GsmMeasure.Measure(text)));
    }

    [Test]
    public void CharactersForcingUcs2_NamesEachOutsideGsm7Once_CyrillicAsOne()
    {
        var preview = Of("Цена — «5 €» 📱, цена");

        Assert.Multiple(() =>
        {
            Assert.That(preview.CharactersForcingUcs2, Is.EqualTo(new[] { "Ц", "е", "н", "а", "—", "«", "»", "📱", "ц" }));
            Assert.That(preview.CyrillicForcesUcs2, Is.True);
            Assert.That(preview.OtherCharactersForcingUcs2, Is.EqualTo(new[] { "—", "«", "»", "📱" }));
            Assert.That(Of("Plain GSM-7 text: é ñ ü € [ok]").CharactersForcingUcs2, Is.Empty);
        });
    }

    [Test]
    public void SmsShortened_OverTheChannelsPartLimit_IsWhatTheChannelWouldSend()
    {
        var text = string.Join(' ', Enumerable.Repeat("слово", 40));

        Assert.That(Of(text).SmsShortened, Is.Null, "no SMS channel configured: nothing to fit");
        Assert.That(Of(text, smsMaxParts: 5).SmsShortened, Is.Null, "fits the limit");
        var shortened = Of(text, smsMaxParts: 2).SmsShortened;
        Assert.That(shortened, Is.Not.Null.And.EndsWith("…"));
        Assert.That(GsmMeasure.Measure(shortened!).Parts, Is.EqualTo(2));
    }

    [Test]
    public void Ussd_Ucs2OverEighty_IsCutToTheScreen()
    {
        var gsm = Of(new string('a', 182));
        var cyrillic = Of(new string('ж', 81));

        Assert.Multiple(() =>
        {
            Assert.That((gsm.UssdCut, gsm.UssdLimit), Is.EqualTo((false, 182)));
            Assert.That((cyrillic.UssdCut, cyrillic.UssdLimit), Is.EqualTo((true, 80)));
            Assert.That(cyrillic.UssdLength.Units, Is.LessThanOrEqualTo(80));
            Assert.That(cyrillic.UssdText, Does.EndWith("…"));
        });
    }

    [Test]
    public void Telegram_CountsTheTextAfterFormatting()
    {
        var preview = Of("x", "## Title\n\nSend **BAL**.");

        Assert.That(preview.TelegramLength, Is.EqualTo(MarkdownHtml.ToPlainText("## Title\n\nSend **BAL**.").Length));
        Assert.That(preview.TelegramLength, Is.LessThan("## Title\n\nSend **BAL**.".Length));
        Assert.That(preview.LongAnswerHtml, Does.Contain("<strong>BAL</strong>"));
    }
}
