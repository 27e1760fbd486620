using System.Globalization;
using System.Net;

namespace SelfService.Sip;

/// <summary>
/// The offer/answer model (RFC 3264) for one audio stream of G.711 (RFC 3551) and telephone-event (RFC 4733).
/// The answerer takes PCMU or PCMA in the offer's order of preference; every other stream is declined with port 0,
/// keeping the m= lines in number and order (RFC 3264 6).
/// </summary>
public static class SdpOfferAnswer
{
    public const int DefaultTelephoneEventPayloadType = 101;
    private const string TelephoneEvent = "telephone-event";

    public static SdpAnswerResult Answer(SessionDescription offer, IPAddress localAddress, int localRtpPort, long sessionId)
    {
        var answer = new SessionDescription
        {
            Origin = $"- {sessionId} {sessionId} IN {(localAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4")} {localAddress}",
            Connection = SdpConnection.For(localAddress),
        };
        NegotiatedMedia? chosen = null;
        foreach (var media in offer.Media)
        {
            if (chosen is null && media.Media.Equals("audio", StringComparison.OrdinalIgnoreCase) && media.Port != 0
                && media.Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase)
                && TryChoose(offer, media, out var negotiated, out var answerMedia, localRtpPort))
            {
                chosen = negotiated;
                answer.Media.Add(answerMedia!);
                continue;
            }
            answer.Media.Add(new SdpMediaDescription(media.Media, 0, media.Protocol, media.Formats));
        }
        return chosen is null
            ? new SdpAnswerResult(null, null, "no audio stream with PCMU or PCMA")
            : new SdpAnswerResult(answer, chosen, null);
    }

    /// <summary>An offer of PCMU, PCMA and telephone-event 0-16, as the UAC sends in an INVITE.</summary>
    public static SessionDescription CreateOffer(IPAddress localAddress, int localRtpPort, long sessionId)
    {
        var offer = new SessionDescription
        {
            Origin = $"- {sessionId} {sessionId} IN {(localAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4")} {localAddress}",
            Connection = SdpConnection.For(localAddress),
        };
        var te = DefaultTelephoneEventPayloadType.ToString(CultureInfo.InvariantCulture);
        var media = new SdpMediaDescription("audio", localRtpPort, "RTP/AVP", ["0", "8", te]);
        media.Attributes.Add(new("rtpmap", "0 PCMU/8000"));
        media.Attributes.Add(new("rtpmap", "8 PCMA/8000"));
        media.Attributes.Add(new("rtpmap", te + " telephone-event/8000"));
        media.Attributes.Add(new("fmtp", te + " 0-16"));
        media.Attributes.Add(new("ptime", "20"));
        media.Attributes.Add(new("sendrecv", null));
        offer.Media.Add(media);
        return offer;
    }

    /// <summary>Reads the answer to our <see cref="CreateOffer"/>: the first format of its audio stream that we offered.</summary>
    public static NegotiatedMedia? ReadAnswer(SessionDescription answer)
    {
        var media = answer.Media.FirstOrDefault(m => m.Media.Equals("audio", StringComparison.OrdinalIgnoreCase) && m.Port != 0);
        if (media is null) return null;
        var codec = media.Formats.Select(f => CodecOf(media, f)).FirstOrDefault(c => c is not null);
        if (codec is null) return null;
        return new NegotiatedMedia(RemoteEndPoint(answer, media), codec.Value.Codec, codec.Value.PayloadType, TelephoneEventOf(media))
        {
            SendingPaused = IsPaused(answer, media),
        };
    }

    private static bool TryChoose(SessionDescription offer, SdpMediaDescription media, out NegotiatedMedia? negotiated,
        out SdpMediaDescription? answerMedia, int localRtpPort)
    {
        negotiated = null;
        answerMedia = null;
        var codec = media.Formats.Select(f => CodecOf(media, f)).FirstOrDefault(c => c is not null);
        if (codec is null) return false;
        var telephoneEvent = TelephoneEventOf(media);
        var (chosenCodec, payloadType) = codec.Value;

        var pt = payloadType.ToString(CultureInfo.InvariantCulture);
        var formats = new List<string> { pt };
        if (telephoneEvent is { } te) formats.Add(te.ToString(CultureInfo.InvariantCulture));
        answerMedia = new SdpMediaDescription("audio", localRtpPort, media.Protocol, formats);
        answerMedia.Attributes.Add(new("rtpmap", $"{pt} {(chosenCodec == G711Codec.Pcmu ? "PCMU" : "PCMA")}/8000"));
        if (telephoneEvent is { } tePt)
        {
            var events = tePt.ToString(CultureInfo.InvariantCulture);
            answerMedia.Attributes.Add(new("rtpmap", events + " telephone-event/8000"));
            answerMedia.Attributes.Add(new("fmtp", events + " " + (media.Fmtp(events) ?? "0-15")));
        }
        answerMedia.Attributes.Add(new("ptime", "20"));
        answerMedia.Attributes.Add(new(media.Direction switch
        {
            "sendonly" => "recvonly",
            "recvonly" => "sendonly",
            "inactive" => "inactive",
            _ => "sendrecv",
        }, null));

        negotiated = new NegotiatedMedia(RemoteEndPoint(offer, media), chosenCodec, payloadType, telephoneEvent)
        {
            SendingPaused = IsPaused(offer, media),
        };
        return true;
    }

    private static (G711Codec Codec, int PayloadType)? CodecOf(SdpMediaDescription media, string format)
    {
        if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127) return null;
        var map = media.RtpMap(format);
        if (map is { } m)
        {
            if (m.ClockRate != 8000) return null;
            if (m.Encoding.Equals("PCMU", StringComparison.OrdinalIgnoreCase)) return (G711Codec.Pcmu, pt);
            if (m.Encoding.Equals("PCMA", StringComparison.OrdinalIgnoreCase)) return (G711Codec.Pcma, pt);
            return null;
        }
        // Static payload types need no rtpmap (RFC 3551 6).
        return pt switch { 0 => (G711Codec.Pcmu, 0), 8 => (G711Codec.Pcma, 8), _ => null };
    }

    private static int? TelephoneEventOf(SdpMediaDescription media)
    {
        foreach (var format in media.Formats)
        {
            if (media.RtpMap(format) is { } map && map.Encoding.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase) && map.ClockRate == 8000
                && int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt <= 127)
                return pt;
        }
        return null;
    }

    private static IPEndPoint RemoteEndPoint(SessionDescription sdp, SdpMediaDescription media)
    {
        var connection = media.Connection ?? sdp.Connection ?? throw new SipParseException("SDP without c=");
        if (!IPAddress.TryParse(connection.Address, out var address))
            throw new SipParseException("SDP c= is not an IP address");   // host names in c= are not resolved (RFC 4566 allows them; trunks send addresses)
        return new IPEndPoint(address, media.Port);
    }

    private static bool IsPaused(SessionDescription sdp, SdpMediaDescription media)
    {
        var connection = media.Connection ?? sdp.Connection;
        // The direction is the sender's view: "sendonly" or "inactive" from the peer means it will not take our audio.
        return connection?.Address is "0.0.0.0" || media.Direction is "sendonly" or "inactive";
    }
}
