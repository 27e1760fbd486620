using System.Net;

namespace SelfService.Sip.Tests.Sdp;

public sealed class SdpOfferAnswerTests
{
    private static readonly IPAddress Local = IPAddress.Parse("192.0.2.10");

    private static SessionDescription Offer(string media, string extra = "") => SessionDescription.Parse($"""
        v=0
        o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
        s=
        c=IN IP4 192.0.2.101
        t=0 0
        {media}
        {extra}
        """);

    [Test]
    public void Answer_PcmuPcmaAndEvents_TakesTheFirstAndTheEventType()
    {
        var result = SdpOfferAnswer.Answer(Offer("m=audio 49170 RTP/AVP 0 8 97\na=rtpmap:0 PCMU/8000\na=rtpmap:8 PCMA/8000\na=rtpmap:97 telephone-event/8000\na=fmtp:97 0-15"), Local, 40000, 7);

        Assert.That(result.Accepted, Is.True);
        Assert.That(result.Media!.Codec, Is.EqualTo(G711Codec.Pcmu));
        Assert.That(result.Media.PayloadType, Is.Zero);
        Assert.That(result.Media.TelephoneEventPayloadType, Is.EqualTo(97));
        Assert.That(result.Media.RemoteRtp, Is.EqualTo(new IPEndPoint(IPAddress.Parse("192.0.2.101"), 49170)));
        var audio = result.Answer!.Media.Single();
        Assert.That(audio.Port, Is.EqualTo(40000));
        Assert.That(audio.Formats, Is.EqualTo(new[] { "0", "97" }));
        Assert.That(audio.RtpMap("97"), Is.EqualTo(("telephone-event", 8000)));
        Assert.That(audio.Fmtp("97"), Is.EqualTo("0-15"));
        Assert.That(result.Answer.Connection!.Address, Is.EqualTo("192.0.2.10"));
    }

    [Test]
    public void Answer_PcmaFirst_KeepsTheOffersOrder()
    {
        var result = SdpOfferAnswer.Answer(Offer("m=audio 49170 RTP/AVP 18 8 0\na=rtpmap:18 G729/8000"), Local, 40000, 7);

        Assert.That(result.Media!.Codec, Is.EqualTo(G711Codec.Pcma));
        Assert.That(result.Media.TelephoneEventPayloadType, Is.Null);
        Assert.That(result.Answer!.Media[0].Formats, Is.EqualTo(new[] { "8" }));
    }

    [Test]
    public void Answer_NoG711_Fails()
    {
        var result = SdpOfferAnswer.Answer(Offer("m=audio 49170 RTP/AVP 18 4 101\na=rtpmap:18 G729/8000\na=rtpmap:101 telephone-event/8000"), Local, 40000, 7);

        Assert.That(result.Accepted, Is.False);
        Assert.That(result.Failure, Does.Contain("PCMU"));
    }

    [Test]
    public void Answer_DynamicPcmuType_IsHonoured()
    {
        var result = SdpOfferAnswer.Answer(Offer("m=audio 49170 RTP/AVP 96\na=rtpmap:96 PCMU/8000"), Local, 40000, 7);

        Assert.That((result.Media!.Codec, result.Media.PayloadType), Is.EqualTo((G711Codec.Pcmu, 96)));
    }

    [Test]
    public void Answer_VideoAndAudio_DeclinesVideoInPlace()
    {
        var offer = SessionDescription.Parse("""
            v=0
            o=carol 28908764872 28908764872 IN IP4 100.3.6.6
            s=-
            t=0 0
            c=IN IP4 192.0.2.4
            m=video 3227 RTP/AVP 31
            a=rtpmap:31 H261/90000
            m=audio 0 RTP/AVP 0
            m=audio 49232 RTP/AVP 0
            c=IN IP4 192.0.2.99
            a=sendonly
            """);

        var result = SdpOfferAnswer.Answer(offer, Local, 40000, 7);

        Assert.That(result.Answer!.Media.Select(m => (m.Media, m.Port)), Is.EqualTo(new[] { ("video", 0), ("audio", 0), ("audio", 40000) }));
        Assert.That(result.Media!.RemoteRtp, Is.EqualTo(new IPEndPoint(IPAddress.Parse("192.0.2.99"), 49232)));
        Assert.That(result.Answer.Media[2].Direction, Is.EqualTo("recvonly"));
        Assert.That(result.Media.SendingPaused, Is.True);
    }

    [Test]
    public void CreateOffer_AnswerRead_SettlesTheAnswersCodec()
    {
        var offer = SdpOfferAnswer.CreateOffer(Local, 40002, 9);
        var answered = SdpOfferAnswer.Answer(SessionDescription.Parse(offer.ToString()), IPAddress.Parse("192.0.2.20"), 50000, 3);

        var media = SdpOfferAnswer.ReadAnswer(SessionDescription.Parse(answered.Answer!.ToString()));

        Assert.That(offer.Media[0].Formats, Is.EqualTo(new[] { "0", "8", "101" }));
        Assert.That(answered.Media!.RemoteRtp, Is.EqualTo(new IPEndPoint(Local, 40002)));
        Assert.That(media, Is.EqualTo(new NegotiatedMedia(new IPEndPoint(IPAddress.Parse("192.0.2.20"), 50000), G711Codec.Pcmu, 0, 101)));
    }

    [TestCase("v=0\nx\n")]
    [TestCase("o=- 1 1 IN IP4 1.2.3.4\ns=-\n")]
    [TestCase("v=1\no=- 1 1 IN IP4 1.2.3.4\n")]
    [TestCase("v=0\no=- 1 1 IN IP4 1.2.3.4\nm=audio x RTP/AVP 0\n")]
    [TestCase("v=0\no=- 1 1 IN IP4 1.2.3.4\nc=IN IP4\n")]
    public void Parse_BadSdp_IsAParseError(string text) =>
        Assert.Throws<SipParseException>(() => SessionDescription.Parse(text));

    [Test]
    public void Answer_ConnectionHostName_IsAParseError() =>
        Assert.Throws<SipParseException>(() => SdpOfferAnswer.Answer(SessionDescription.Parse("v=0\no=- 1 1 IN IP4 a.example\ns=-\nc=IN IP4 a.example\nt=0 0\nm=audio 1 RTP/AVP 0\n"), Local, 1, 1));
}
