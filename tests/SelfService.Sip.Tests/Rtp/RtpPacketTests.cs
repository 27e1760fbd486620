namespace SelfService.Sip.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Test]
    public void RtpHeader_WriteThenRead_RoundTrips()
    {
        var packet = new byte[RtpHeader.Size + 4];
        new RtpHeader(true, 101, 65535, 0xDEADBEEF, 0x01020304).Write(packet);

        Assert.That(packet[..12], Is.EqualTo(new byte[] { 0x80, 0xE5, 0xFF, 0xFF, 0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3, 4 }));
        Assert.That(RtpHeader.TryRead(packet, out var header, out var payload), Is.True);
        Assert.That(header, Is.EqualTo(new RtpHeader(true, 101, 65535, 0xDEADBEEF, 0x01020304)));
        Assert.That(payload.GetOffsetAndLength(packet.Length), Is.EqualTo((12, 4)));
    }

    [Test]
    public void RtpHeader_CsrcExtensionAndPadding_AreSkipped()
    {
        // V=2 P=1 X=1 CC=1, one CSRC, a one-word extension, 2 payload bytes, 3 bytes of padding (RFC 3550 5.1, 5.3.1).
        byte[] packet = [0xB1, 0x00, 0, 1, 0, 0, 0, 160, 0, 0, 0, 9, 0, 0, 0, 7, 0xBE, 0xDE, 0, 1, 1, 2, 3, 4, 0xAA, 0xBB, 0, 0, 3];

        Assert.That(RtpHeader.TryRead(packet, out var header, out var payload), Is.True);
        Assert.That(header.Ssrc, Is.EqualTo(9u));
        Assert.That(packet[payload], Is.EqualTo(new byte[] { 0xAA, 0xBB }));
    }

    [TestCase(new byte[] { 0x80, 0, 0 })]
    [TestCase(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [TestCase(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0 })]
    [TestCase(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 99 })]
    public void RtpHeader_NotRtp_IsRefusedWithoutThrowing(byte[] packet) =>
        Assert.That(RtpHeader.TryRead(packet, out _, out _), Is.False);

    [Test]
    public void TelephoneEvent_Rfc4733Payload_ReadsDigitEndAndDuration()
    {
        Assert.That(TelephoneEvent.TryRead([11, 0x8A, 0x03, 0x20], out var value), Is.True);

        Assert.That(value, Is.EqualTo(new TelephoneEvent(11, true, 10, 800)));
        Assert.That(value.Digit, Is.EqualTo('#'));
        Assert.That(new TelephoneEvent(10, false, 0, 0).Digit, Is.EqualTo('*'));
        Assert.That(new TelephoneEvent(15, false, 0, 0).Digit, Is.EqualTo('D'));
        Assert.That(new TelephoneEvent(16, false, 0, 0).Digit, Is.Null);
    }

    [Test]
    public void Detector_EventWithThreeEndCopies_CountsOnce()
    {
        var detector = new TelephoneEventDetector();
        var digits = new List<char>();
        void Feed(uint timestamp, ushort seq, bool marker, byte code, bool end)
        {
            if (detector.Accept(new RtpHeader(marker, 101, seq, timestamp, 7), new TelephoneEvent(code, end, 10, 160)) is { } d) digits.Add(d);
        }

        // As SIPp's dtmf_2833_1.pcap sends it: a marked start, six updates, the end packet three times.
        Feed(13280, 1, true, 1, false);
        for (ushort i = 2; i <= 7; i++) Feed(13280, i, false, 1, false);
        for (var copy = 0; copy < 3; copy++) Feed(13280, 8, false, 1, true);
        Feed(43200, 9, true, 5, false);
        Feed(43200, 10, false, 5, true);
        Feed(43200, 10, false, 5, true);
        Feed(43200, 11, true, 5, false);   // the same recording replayed: a marked start after the end is a new press

        Assert.That(new string([.. digits]), Is.EqualTo("155"));
    }

    [Test]
    public void Detector_OnlyEndPacketsArrive_StillCountsOnce()
    {
        var detector = new TelephoneEventDetector();

        var first = detector.Accept(new RtpHeader(false, 101, 1, 800, 7), new TelephoneEvent(9, true, 10, 800));
        var second = detector.Accept(new RtpHeader(false, 101, 1, 800, 7), new TelephoneEvent(9, true, 10, 800));

        Assert.That((first, second), Is.EqualTo(((char?)'9', (char?)null)));
    }
}
