using System.Text;
using SelfService.Channels.Sms.Tests.Support;
using SelfService.Smpp;

namespace SelfService.Channels.Sms.Tests;

/// <summary>A concatenated message whose parts stop coming: after the timeout (on the fake clock) the customer is told once,
/// in the script they wrote in, and the parts are let go.</summary>
public class SmsAdapterExpiryTests
{
    private const string Customer = "79161234567";

    [TestCase("Подключите мне ", DataCoding.Ucs2, "Ваше сообщение пришло не полностью. Пожалуйста, отправьте его ещё раз.")]
    [TestCase("Connect me to ", DataCoding.SmscDefault, "Your message arrived incomplete. Please send it again.")]
    public async Task ExpireIncomplete_MissingPartPastTimeout_OneNoticeInTheCustomersScript(string firstPart, byte dataCoding, string notice)
    {
        await using var sms = await SmsChannelHarness.StartAsync();
        Assert.That(await sms.DeliverAsync(Part(1, 2, firstPart, dataCoding)), Is.EqualTo(CommandStatus.Ok));

        sms.Clock.Advance(sms.Options.ConcatenationTimeout - TimeSpan.FromSeconds(1));
        await sms.Adapter.ExpireIncompleteAsync(CancellationToken.None);
        Assert.That(sms.Smsc.Submits, Is.Empty, "within the timeout the missing part may still come");

        sms.Clock.Advance(TimeSpan.FromSeconds(2));
        await sms.Adapter.ExpireIncompleteAsync(CancellationToken.None);
        await sms.Adapter.ExpireIncompleteAsync(CancellationToken.None);

        var submit = sms.Smsc.Submits.Single();   // the second sweep found nothing left to tell
        Assert.That((submit.DestAddrTon, submit.DestinationAddr), Is.EqualTo((TypeOfNumber.International, Customer)));
        Assert.That(submit.SourceAddr, Is.EqualTo(sms.Options.SourceAddress));
        Assert.That(MessageContent.Read(submit).Text, Is.EqualTo(notice));

        // The first part is gone: the late second part completes nothing.
        Assert.That(await sms.DeliverAsync(Part(2, 2, "that tariff", DataCoding.SmscDefault)), Is.EqualTo(CommandStatus.Ok));
        Assert.That(sms.Sink.Stored, Is.Empty);
    }

    [Test]
    public async Task ExpireIncomplete_CompletedMessagePastTimeout_NoNotice()
    {
        await using var sms = await SmsChannelHarness.StartAsync();
        await sms.DeliverAsync(Part(1, 2, "Connect me to ", DataCoding.SmscDefault));
        await sms.DeliverAsync(Part(2, 2, "that tariff", DataCoding.SmscDefault));

        sms.Clock.Advance(sms.Options.ConcatenationTimeout + TimeSpan.FromSeconds(1));
        await sms.Adapter.ExpireIncompleteAsync(CancellationToken.None);

        Assert.That(sms.Sink.Stored.Select(m => m.Text), Is.EqualTo(new[] { "Connect me to that tariff" }));
        Assert.That(sms.Smsc.Submits, Is.Empty);
    }

    [Test]
    public async Task ExpireIncomplete_LastPartRedeliveredAfterItsMessageWasAccepted_NoNoticeAndNoSecondMessage()
    {
        await using var sms = await SmsChannelHarness.StartAsync();
        await sms.DeliverAsync(Part(1, 2, "Connect me to ", DataCoding.SmscDefault));
        await sms.DeliverAsync(Part(2, 2, "that tariff", DataCoding.SmscDefault));

        // The SMSC missed the deliver_sm_resp of the last part and sends it again, later than the duplicate window.
        sms.Clock.Advance(sms.Options.DuplicateWindow + TimeSpan.FromSeconds(1));
        Assert.That(await sms.DeliverAsync(Part(2, 2, "that tariff", DataCoding.SmscDefault)), Is.EqualTo(CommandStatus.Ok));
        sms.Clock.Advance(sms.Options.ConcatenationTimeout + TimeSpan.FromSeconds(1));
        await sms.Adapter.ExpireIncompleteAsync(CancellationToken.None);

        Assert.That(sms.Sink.Offered.Select(m => m.Text), Is.EqualTo(new[] { "Connect me to that tariff" }));
        Assert.That(sms.Smsc.Submits, Is.Empty, "the customer's message arrived whole: no 'incomplete' notice");
    }

    private static DeliverSm Part(int seq, int total, string text, byte dataCoding) => new()
    {
        SourceAddrTon = TypeOfNumber.International, SourceAddrNpi = NumberingPlan.Isdn, SourceAddr = Customer,
        DestinationAddr = "1212", EsmClass = EsmClass.UdhIndicator, DataCoding = dataCoding,
        ShortMessage = (byte[])[0x05, 0x00, 0x03, 0x07, (byte)total, (byte)seq,
            .. dataCoding == DataCoding.Ucs2 ? Encoding.BigEndianUnicode.GetBytes(text) : Encoding.ASCII.GetBytes(text)],
    };
}
