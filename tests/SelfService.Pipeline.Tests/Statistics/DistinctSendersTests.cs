using SelfService.Pipeline.Statistics;

namespace SelfService.Pipeline.Tests.Statistics;

public class DistinctSendersTests
{
    [Test]
    public void Count_FewSenders_IsExact()
    {
        var senders = new DistinctSenders();
        foreach (var i in Enumerable.Range(0, 300)) senders.Add("sms|+7999" + (i % 137).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(senders.Count, Is.EqualTo(137));
    }

    [TestCase(2_000)]
    [TestCase(50_000)]
    [TestCase(400_000)]
    public void Count_ManySenders_IsWithinFourPercent(int distinct)
    {
        var senders = new DistinctSenders();
        foreach (var i in Enumerable.Range(0, distinct)) senders.Add("sms|+7" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(senders.Count, Is.EqualTo(distinct).Within(4).Percent);
        Assert.That(senders.Write(), Has.Length.LessThanOrEqualTo(4097), "a few KB however many senders");
    }

    [Test]
    public void Merge_CountsTheUnion_WhetherExactOrSketched()
    {
        var small = Of(0, 100);
        var overlapping = Of(50, 150);
        var large = Of(100, 20_100);

        small.Merge(overlapping);
        Assert.That(small.Count, Is.EqualTo(150), "exact while small");

        small.Merge(large);
        Assert.That(small.Count, Is.EqualTo(20_100).Within(4).Percent);

        var exactIntoSketch = Of(100, 20_100);
        exactIntoSketch.Merge(Of(0, 100));
        Assert.That(exactIntoSketch.Count, Is.EqualTo(20_100).Within(4).Percent);
    }

    [Test]
    public void WriteThenRead_GivesTheSameCount_AndStillMerges()
    {
        foreach (var (from, to) in new[] { (0, 10), (0, 5_000) })
        {
            var read = DistinctSenders.Read(Of(from, to).Write());
            Assert.That(read.Count, Is.EqualTo(Of(from, to).Count));
            read.Merge(Of(to, to + 10));
            Assert.That(read.Count, Is.EqualTo(to - from + 10).Within(4).Percent);
        }
    }

    [Test]
    public void Read_EmptyOrForeignBytes_IsNoSenders()
    {
        Assert.That(DistinctSenders.Read([]).Count, Is.Zero);
        Assert.That(DistinctSenders.Read([9, 9, 9]).Count, Is.Zero);
    }

    private static DistinctSenders Of(int from, int to)
    {
        var senders = new DistinctSenders();
        for (var i = from; i < to; i++) senders.Add("sender " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return senders;
    }
}
