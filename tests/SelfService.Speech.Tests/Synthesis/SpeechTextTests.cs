using SelfService.Speech.Synthesis;

namespace SelfService.Speech.Tests.Synthesis;

public sealed class SpeechTextTests
{
    [Test]
    public void Prepare_WhitespaceAndControlCharacters_CollapseToSingleSpaces()
    {
        Assert.That(SpeechText.Prepare("  Ваш\tбаланс:\r\n\u0007 350   рублей. ", 500, out var truncated), Is.EqualTo("Ваш баланс: 350 рублей."));
        Assert.That(truncated, Is.False);
    }

    [Test]
    public void Prepare_BlankText_IsEmpty() => Assert.That(SpeechText.Prepare(" \n\t ", 500, out _), Is.Empty);

    [Test]
    public void Prepare_LongText_CutsAfterTheLastSentenceInTheLimit()
    {
        var text = "Первое предложение. Второе предложение! Третье, которое не помещается в предел.";

        var prepared = SpeechText.Prepare(text, 45, out var truncated);

        Assert.That(truncated, Is.True);
        Assert.That(prepared, Is.EqualTo("Первое предложение. Второе предложение!"));
    }

    [Test]
    public void Prepare_LongSentence_CutsAtTheLastSpace()
    {
        var prepared = SpeechText.Prepare("one two three four five six seven eight nine ten", 20, out var truncated);

        Assert.That(truncated, Is.True);
        Assert.That(prepared, Is.EqualTo("one two three four"));
    }

    [Test]
    public void Prepare_NoSpaceAtAll_CutsAtTheLimit()
    {
        Assert.That(SpeechText.Prepare(new string('a', 30), 20, out _), Is.EqualTo(new string('a', 20)));
    }

    [Test]
    public void Prepare_SentenceEndTooEarly_PrefersTheLastSpace()
    {
        // A sentence end in the first half would throw away most of the allowed text.
        var prepared = SpeechText.Prepare("Hi. one two three four five six seven eight", 30, out _);

        Assert.That(prepared, Is.EqualTo("Hi. one two three four five"));
    }
}
