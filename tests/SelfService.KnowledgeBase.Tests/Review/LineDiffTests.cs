namespace SelfService.KnowledgeBase.Tests.Review;

[TestFixture]
public sealed class LineDiffTests
{
    private static string Render(IReadOnlyList<DiffLine> lines) =>
        string.Join("|", lines.Select(l => (l.Kind switch { DiffKind.Added => "+", DiffKind.Removed => "-", _ => " " }) + l.Text));

    [TestCase(new string[0], new string[0], "")]
    [TestCase(new[] { "a", "b" }, new[] { "a", "b" }, " a| b")]
    [TestCase(new string[0], new[] { "a", "b" }, "+a|+b")]
    [TestCase(new[] { "a", "b" }, new string[0], "-a|-b")]
    [TestCase(new[] { "a", "b", "c" }, new[] { "a", "c" }, " a|-b| c")]
    [TestCase(new[] { "a", "c" }, new[] { "a", "b", "c" }, " a|+b| c")]
    [TestCase(new[] { "a", "b", "c" }, new[] { "a", "x", "c" }, " a|-b|+x| c")]
    [TestCase(new[] { "a", "b", "c", "d" }, new[] { "b", "c", "e" }, "-a| b| c|-d|+e")]
    [TestCase(new[] { "x", "a", "b", "y" }, new[] { "a", "b", "x", "y" }, "-x| a| b|+x| y")]
    public void Compare_TwoTexts_KeepsTheLongestCommonLinesAndMarksTheRest(string[] before, string[] after, string expected)
    {
        Assert.That(Render(LineDiff.Compare(before, after)), Is.EqualTo(expected));
    }

    [Test]
    public void Compare_AnyTwoTexts_UnchangedAndRemovedRebuildTheOldText_UnchangedAndAddedTheNew()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var before = Enumerable.Range(0, random.Next(0, 12)).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToList();
            var after = Enumerable.Range(0, random.Next(0, 12)).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToList();

            var diff = LineDiff.Compare(before, after);

            Assert.That(diff.Where(l => l.Kind != DiffKind.Added).Select(l => l.Text), Is.EqualTo(before), $"run {run}");
            Assert.That(diff.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text), Is.EqualTo(after), $"run {run}");
        }
    }

    [Test]
    public void Compare_OneLineChangedInALongText_MarksOnlyThatLine()
    {
        var before = Enumerable.Range(0, 300).Select(i => "line " + i).ToList();
        var after = before.ToList();
        after[150] = "line 150, corrected";

        var diff = LineDiff.Compare(before, after);

        Assert.That(diff.Where(l => l.Kind != DiffKind.Unchanged).Select(l => (l.Kind, l.Text)),
            Is.EqualTo(new[] { (DiffKind.Removed, "line 150"), (DiffKind.Added, "line 150, corrected") }));
    }

    [Test]
    public void Compare_MiddlesTooLargeForTheTable_ShowsAllRemovedThenAllAdded()
    {
        var side = (int)Math.Sqrt(LineDiff.MaxTableCells) + 1;
        var before = Enumerable.Range(0, side).Select(i => "old " + i).Prepend("same").ToList();
        var after = Enumerable.Range(0, side).Select(i => "new " + i).Prepend("same").ToList();

        var diff = LineDiff.Compare(before, after);

        Assert.That(diff[0], Is.EqualTo(new DiffLine(DiffKind.Unchanged, "same")));
        Assert.That(diff.Skip(1).Take(side).All(l => l.Kind == DiffKind.Removed), Is.True);
        Assert.That(diff.Skip(1 + side).All(l => l.Kind == DiffKind.Added), Is.True);
        Assert.That(diff, Has.Count.EqualTo(1 + 2 * side));
    }

    [Test]
    public void Lines_AnyLineEnding_SplitsTheSame()
    {
        Assert.That(LineDiff.Lines("a\r\nb\rc\nd"), Is.EqualTo(new[] { "a", "b", "c", "d" }));
        Assert.That(LineDiff.Lines(""), Is.Empty);
    }
}
