using SelfService.Messaging.Text;

namespace SelfService.Channels.Smpp.Tests;

public class GsmMeasureTests
{
    [TestCase("", SmsEncoding.Gsm7, 0, 1)]
    [TestCase("Balance: 350.00 RUB", SmsEncoding.Gsm7, 19, 1)]
    [TestCase("€", SmsEncoding.Gsm7, 2, 1)] // extension table: escape + septet
    [TestCase("{}[]~|^\\", SmsEncoding.Gsm7, 16, 1)]
    [TestCase("Баланс", SmsEncoding.Ucs2, 6, 1)]
    [TestCase("Ça coûte 5€", SmsEncoding.Ucs2, 11, 1)] // û is not GSM-7
    public void Measure_Text_CountsUnitsInItsEncoding(string text, SmsEncoding encoding, int units, int parts)
    {
        Assert.That(GsmMeasure.Measure(text), Is.EqualTo(new SmsLength(encoding, units, parts)));
    }

    [TestCase(160, 1)]
    [TestCase(161, 2)]
    [TestCase(306, 2)]
    [TestCase(307, 3)]
    public void Measure_Gsm7Lengths_SplitAt153PerPart(int length, int parts)
    {
        Assert.That(GsmMeasure.Measure(new string('a', length)).Parts, Is.EqualTo(parts));
    }

    [TestCase(70, 1)]
    [TestCase(71, 2)]
    [TestCase(134, 2)]
    [TestCase(135, 3)]
    public void Measure_Ucs2Lengths_SplitAt67PerPart(int length, int parts)
    {
        Assert.That(GsmMeasure.Measure(new string('ж', length)).Parts, Is.EqualTo(parts));
    }

    [Test]
    public void Measure_ExtensionCharacterAtBoundary_CountsTwoSeptets()
    {
        // 159 plain + one € = 161 septets: no longer a single message.
        Assert.That(GsmMeasure.Measure(new string('a', 159) + "€").Parts, Is.EqualTo(2));
    }
}
