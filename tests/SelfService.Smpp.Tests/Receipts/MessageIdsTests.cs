namespace SelfService.Smpp.Tests.Receipts;

public class MessageIdsTests
{
    [TestCase(" 00abC ", "ABC")]
    [TestCase("000", "0")]
    [TestCase("0", "0")]
    [TestCase("a-01", "A-01")]
    public void Normalize_TrimsUpperCasesAndDropsLeadingZeros(string id, string expected)
    {
        Assert.That(MessageIds.Normalize(id), Is.EqualTo(expected));
    }

    [TestCase("1A2B", "6699", true, TestName = "Match_HexInResponseDecimalInReceipt_Matches")]
    [TestCase("0001a2b", "1A2B", true, TestName = "Match_CaseAndLeadingZeros_Match")]
    [TestCase("abc", "ABC", true, TestName = "Match_DifferentCase_Matches")]
    [TestCase("12345", "12345", true, TestName = "Match_SameDecimal_Matches")]
    [TestCase("00012345", "12345", true, TestName = "Match_DecimalWithLeadingZeros_Matches")]
    [TestCase("1A2B", "6698", false, TestName = "Match_DifferentNumber_DoesNotMatch")]
    [TestCase("FF", "256", false, TestName = "Match_HexAndAnotherDecimal_DoesNotMatch")]
    [TestCase("msg-1", "msg-2", false, TestName = "Match_DifferentText_DoesNotMatch")]
    public void Match_SubmitResponseIdAgainstReceiptId(string response, string receipt, bool expected)
    {
        Assert.That(MessageIds.Match(response, receipt), Is.EqualTo(expected));
    }

    [Test]
    public void MatchKeys_GiveTheTextThenTheNumberInTheOriginsBase()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MessageIds.MatchKeys("1A2B", MessageIdOrigin.SubmitResponse), Is.EqualTo(new[] { "1A2B", "#6699" }));
            Assert.That(MessageIds.MatchKeys("6699", MessageIdOrigin.Receipt), Is.EqualTo(new[] { "6699", "#6699" }));
            Assert.That(MessageIds.MatchKeys("1A2B", MessageIdOrigin.Receipt), Is.EqualTo(new[] { "1A2B" }));
            Assert.That(MessageIds.MatchKeys("abc-1", MessageIdOrigin.SubmitResponse), Is.EqualTo(new[] { "ABC-1" }));
            Assert.That(MessageIds.MatchKeys("  ", MessageIdOrigin.Receipt), Is.Empty);
            Assert.That(MessageIds.MatchKeys("FFFFFFFFFFFFFFFFFFFF", MessageIdOrigin.SubmitResponse)[1], Is.EqualTo("#1208925819614629174706175"));
        });
    }
}
