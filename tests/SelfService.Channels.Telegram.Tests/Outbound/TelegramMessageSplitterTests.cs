using SelfService.Channels.Telegram.Outbound;

namespace SelfService.Channels.Telegram.Tests.Outbound;

public class TelegramMessageSplitterTests
{
    [Test]
    public void Split_ShortText_IsOnePart()
    {
        var parts = TelegramMessageSplitter.Split("**Balance**: 350.00 RUB.");

        Assert.That(parts, Has.Count.EqualTo(1));
        Assert.That(parts[0].Html, Is.EqualTo("<b>Balance</b>: 350.00 RUB."));
    }

    [Test]
    public void Split_ManyParagraphs_CutsBetweenParagraphs_UnderTheLimit()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"**{i}.** " + string.Join(' ', Enumerable.Repeat($"w{i}", 60))).ToList();

        var parts = TelegramMessageSplitter.Split(string.Join("\n\n", paragraphs));

        Assert.That(parts, Has.Count.GreaterThan(1));
        Assert.That(parts.Select(p => p.Plain.Length), Is.All.LessThanOrEqualTo(TelegramMessageSplitter.MaxLength));
        var rejoined = string.Join("\n\n", parts.Select(p => p.Plain));
        Assert.That(rejoined, Is.EqualTo(string.Join("\n\n", paragraphs).Replace("**", "", StringComparison.Ordinal)), "cut only between paragraphs");
        Assert.That(parts.Select(p => p.Html), Is.All.StartWith("<b>"), "each part is rendered on its own");
    }

    [Test]
    public void Split_OneLongParagraphOfLines_CutsBetweenLines()
    {
        var lines = Enumerable.Range(1, 300).Select(i => $"line {i} of the table: zone, price, minutes").ToList();

        var parts = TelegramMessageSplitter.Split(string.Join("\n", lines));

        Assert.That(parts.Select(p => p.Plain.Length), Is.All.LessThanOrEqualTo(TelegramMessageSplitter.MaxLength));
        Assert.That(string.Join("\n", parts.Select(p => p.Plain)), Is.EqualTo(string.Join("\n", lines)));
    }

    [Test]
    public void Split_OneEndlessLine_CutsBetweenWords()
    {
        var words = string.Join(' ', Enumerable.Range(1, 2000).Select(i => "слово" + i));

        var parts = TelegramMessageSplitter.Split(words, maxLength: 1000);

        Assert.That(parts.Select(p => p.Plain.Length), Is.All.LessThanOrEqualTo(1000));
        Assert.That(string.Join(' ', parts.Select(p => p.Plain)), Is.EqualTo(words));
    }

    [Test]
    public void Split_OneEndlessWord_CutsInsideIt_WithoutBreakingASurrogatePair()
    {
        var word = string.Concat(Enumerable.Repeat("a😀", 3000));

        var parts = TelegramMessageSplitter.Split(word, maxLength: 1001);

        Assert.That(parts.Select(p => p.Plain.Length), Is.All.LessThanOrEqualTo(1001));
        Assert.That(string.Concat(parts.Select(p => p.Plain)), Is.EqualTo(word));
        Assert.That(parts.Select(p => char.IsHighSurrogate(p.Plain[^1])), Is.All.False);
    }

    [Test]
    public void Split_EscapingDoesNotCount_OnlyTheVisibleText()
    {
        // 4000 visible characters whose HTML is 5 times longer still fit one message: Telegram counts after parsing.
        var text = string.Concat(Enumerable.Repeat("<&>&<", 800));

        var parts = TelegramMessageSplitter.Split(text);

        Assert.That(parts, Has.Count.EqualTo(1));
        Assert.That(parts[0].Plain, Is.EqualTo(text));
        Assert.That(parts[0].Html.Length, Is.GreaterThan(TelegramMessageSplitter.MaxLength));
    }

    [TestCase("")]
    [TestCase("   \n\n  ")]
    [TestCase("[]()")]
    public void Split_TextShowingNothing_HasNoParts(string markdown)
    {
        Assert.That(TelegramMessageSplitter.Split(markdown), Is.Empty);
    }
}
