using SelfService.Channels.Sms.Tests.Support;
using SelfService.Messaging;
using SelfService.Smpp;

namespace SelfService.Channels.Sms.Tests;

/// <summary>
/// A bot reply is shortened to Channels:Sms:MaxParts as this channel cuts it. With a 16-bit UDH reference a part holds
/// 152 GSM-7 or 66 UCS-2 characters, not 153/67: measured the standard way a reply went out as MaxParts + 1 parts.
/// </summary>
public class SmsReplySizeTests
{
    private static readonly string Gsm = string.Join(' ', Enumerable.Repeat("Roaming is on in 190 countries", 40));
    private static readonly string Cyrillic = string.Join(' ', Enumerable.Repeat("Роуминг подключён в 190 странах", 40));

    [TestCase(ConcatenationMethod.Udh8BitReference, 3)]
    [TestCase(ConcatenationMethod.Udh16BitReference, 3)]
    [TestCase(ConcatenationMethod.Udh16BitReference, 1)]
    [TestCase(ConcatenationMethod.Sar, 2)]
    [TestCase(ConcatenationMethod.MessagePayload, 3)]
    public async Task LongReply_IsShortenedToMaxPartsAsTheChannelCutsIt(ConcatenationMethod method, int maxParts)
    {
        await using var sms = await SmsChannelHarness.StartAsync(o => { o.Concatenation = method; o.MaxParts = maxParts; }, bind: false);
        // A message_payload goes as one PDU, but the SMSC cuts it for the air interface with a UDH per part.
        var airMethod = method == ConcatenationMethod.MessagePayload ? ConcatenationMethod.Udh8BitReference : method;
        var splitter = new MessageSplitter(new MessageSplitterOptions { Method = airMethod });

        foreach (var text in new[] { Gsm, Cyrillic })
        {
            var fitted = ReplySizer.Fit(new Reply(text), sms.Adapter.Profile);
            var parts = splitter.Split(fitted).Parts;
            Assert.That(parts, Has.Count.EqualTo(maxParts), $"{method}: the reply fills {maxParts} parts and no more");
            Assert.That(fitted, Does.EndWith("...").Or.EndWith("…"), "it says it was shortened");
        }
    }

    [Test]
    public async Task SixteenBitReference_AReplyOf459Gsm7Characters_TakesFourPartsAndIsShortened()
    {
        // 3 × 153 characters: three parts with an 8-bit reference, four with a 16-bit one.
        var text = string.Join(' ', Enumerable.Repeat("abcdefgh", 60))[..459];
        await using var sms = await SmsChannelHarness.StartAsync(o => { o.Concatenation = ConcatenationMethod.Udh16BitReference; o.MaxParts = 3; }, bind: false);

        var fitted = ReplySizer.Fit(new Reply(text), sms.Adapter.Profile);

        Assert.That(sms.Adapter.Profile.PartsOf!(text), Is.EqualTo(4));
        Assert.That(fitted.Length, Is.LessThanOrEqualTo(3 * 152));
        Assert.That(sms.Adapter.Profile.PartsOf!(fitted), Is.EqualTo(3));
    }
}
