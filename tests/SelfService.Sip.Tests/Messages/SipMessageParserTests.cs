using System.Text;
using SelfService.Sip.Tests.Support;

namespace SelfService.Sip.Tests.Messages;

public sealed class SipMessageParserTests
{
    [Test]
    public void Parse_Rfc3261Invite_ReadsEveryField()
    {
        var request = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc3261Messages.Invite));

        Assert.That(request.Method, Is.EqualTo("INVITE"));
        Assert.That(request.RequestUri.User, Is.EqualTo("bob"));
        Assert.That(request.RequestUri.Host, Is.EqualTo("biloxi.com"));
        Assert.That(request.TopVia.Branch, Is.EqualTo("z9hG4bK776asdhds"));
        Assert.That(request.TopVia.Transport, Is.EqualTo("UDP"));
        Assert.That(request.From.DisplayName, Is.EqualTo("Alice"));
        Assert.That(request.From.Tag, Is.EqualTo("1928301774"));
        Assert.That(request.To.Tag, Is.Null);
        Assert.That(request.To.Uri.ToString(), Is.EqualTo("sip:bob@biloxi.com"));
        Assert.That(request.CallId, Is.EqualTo("a84b4c76e66710@pc33.atlanta.com"));
        Assert.That(request.CSeq, Is.EqualTo(new SipCSeq(314159, "INVITE")));
        Assert.That(request.MaxForwards, Is.EqualTo(70));
        Assert.That(request.Contacts[0].Uri.ToString(), Is.EqualTo("sip:alice@pc33.atlanta.com"));
        Assert.That(request.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(request.BodyText, Is.EqualTo(Wire.Crlf(Rfc3261Messages.AliceSdp)));
    }

    [Test]
    public void Parse_Rfc3261Ok_ReadsTheViasInOrder()
    {
        var response = (SipResponse)SipMessageParser.Parse(Wire.Bytes(Rfc3261Messages.Ok));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.ReasonPhrase, Is.EqualTo("OK"));
        Assert.That(response.Vias.Select(v => v.Host), Is.EqualTo(new[] { "server10.biloxi.com", "bigbox3.site3.atlanta.com", "pc33.atlanta.com" }));
        Assert.That(response.Vias[2].Parameters.Get("received"), Is.EqualTo("192.0.2.1"));
        Assert.That(response.To.Tag, Is.EqualTo("a6c85cf"));
        Assert.That(response.Body.Length, Is.Zero);
    }

    [Test]
    public void Parse_CompactForms_AreTheLongHeaders()
    {
        var request = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc3261Messages.CompactInvite));

        Assert.That(request.CallId, Is.EqualTo("3848276298220188511@atlanta.example.com"));
        Assert.That(request.TopVia.SentBy, Is.EqualTo("client.atlanta.example.com:5060"));
        Assert.That(request.From.Tag, Is.EqualTo("9fxced76sl"));
        Assert.That(request.Contacts[0].Uri.Parameters.Get("transport"), Is.EqualTo("tcp"));
        Assert.That(request.Headers.Lines.Select(h => h.Name), Does.Contain("Call-ID").And.Contain("Via").And.Not.Contain("i"));
    }

    [Test]
    public void Parse_Wsinv_UnfoldsAndReadsEverything()
    {
        var request = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Wsinv));

        Assert.That(request.RequestUri.Parameters.Contains("unknownparam"), Is.True);
        Assert.That(request.To.Tag, Is.EqualTo("1918181833n"));
        Assert.That(request.From.DisplayName, Is.EqualTo("J Rosenberg \\\""));
        Assert.That(request.From.Tag, Is.EqualTo("98asjd8"));
        Assert.That(request.MaxForwards, Is.EqualTo(68));
        Assert.That(request.CSeq, Is.EqualTo(new SipCSeq(9, "INVITE")));
        Assert.That(request.Vias.Select(v => (v.Transport, v.Host, v.Branch)), Is.EqualTo(new[]
        {
            ("UDP", "192.0.2.2", "390skdjuw"), ("TCP", "spindle.example.com", "z9hG4bK9ikj8"), ("UDP", "192.168.255.111", "z9hG4bK30239"),
        }));
        Assert.That(request.Headers.Get("Subject"), Is.EqualTo(""));
        Assert.That(request.Headers.Get("NewFangledHeader"), Is.EqualTo("newfangled value continued newfangled value"));
        Assert.That(request.Headers.Get("UnknownHeaderWithUnusualValue"), Is.EqualTo(";;,,;;,;"));
        Assert.That(request.Contacts[0].DisplayName, Is.EqualTo("Quoted string \"\""));
        Assert.That(request.Contacts[0].Parameters.Get("newparam"), Is.EqualTo("newvalue"));
        Assert.That(request.Contacts[0].Parameters.Get("secondparam"), Is.EqualTo(""));
        Assert.That(request.Contacts[0].Parameters.Get("q"), Is.EqualTo("0.33"));
        Assert.That(request.Body.Length, Is.EqualTo(150));
    }

    [Test]
    public void Parse_Intmeth_AcceptsEveryTokenAndWordCharacter()
    {
        var request = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Intmeth));

        Assert.That(request.Method, Is.EqualTo("!interesting-Method0123456789_*+`.%indeed'~"));
        Assert.That(request.RequestUri.Host, Is.EqualTo("example.com"));
        Assert.That(request.RequestUri.Password, Is.EqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"));
        Assert.That(request.To.DisplayName, Is.EqualTo("BEL:\u0007 NUL:\u0000 DEL:\u007F"));
        Assert.That(request.From.DisplayName, Is.EqualTo("token1~` token2'+_ token3*%!.-"));
        Assert.That(request.From.Parameters.Get("fromParam''~+*_!.-%"), Is.EqualTo("работающий"));
        Assert.That(request.From.Tag, Is.EqualTo("_token~1'+`*%!-."));
        Assert.That(request.CallId, Is.EqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{"));
        Assert.That(request.Headers.Get("extensionHeader-!.%*+_`'~"), Is.EqualTo("大停電"));
    }

    [Test]
    public void Parse_Esc01_KeepsEscapesAndDecodesTheUser()
    {
        var request = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Esc01));

        Assert.That(request.RequestUri.UserDecoded, Is.EqualTo("sips:user@example.com"));
        Assert.That(request.To.Uri.UserDecoded, Is.EqualTo("user"));
        Assert.That(request.From.Uri.UserDecoded, Is.EqualTo("I have spaces"));
        Assert.That(request.ContentType, Is.EqualTo("application/sdp"));
    }

    [TestCase(nameof(Rfc4475Messages.Escnull))]
    [TestCase(nameof(Rfc4475Messages.Lwsdisp))]
    [TestCase(nameof(Rfc4475Messages.Semiuri))]
    [TestCase(nameof(Rfc4475Messages.Transports))]
    [TestCase(nameof(Rfc4475Messages.Unreason))]
    [TestCase(nameof(Rfc4475Messages.Noreason))]
    [TestCase(nameof(Rfc4475Messages.Novelsc))]
    [TestCase(nameof(Rfc4475Messages.Inv2543))]
    public void Parse_ValidTortureMessage_Parses(string name)
    {
        var text = (string)typeof(Rfc4475Messages).GetField(name)!.GetValue(null)!;

        var message = SipMessageParser.Parse(Wire.Bytes(text));

        Assert.That(message.CallId, Does.StartWith(name.ToLowerInvariant()));
    }

    [Test]
    public void Parse_ValidTortureDetails_AreRead()
    {
        var semiuri = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Semiuri));
        var transports = SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Transports));
        var noreason = (SipResponse)SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Noreason));
        var novelsc = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Novelsc));

        Assert.That(semiuri.RequestUri.User, Is.EqualTo("user;par=u%40example.net"));
        Assert.That(semiuri.Headers.GetAll("Accept"), Has.Count.EqualTo(6));
        Assert.That(transports.Vias.Select(v => v.Transport), Is.EqualTo(new[] { "UDP", "SCTP", "TLS", "UNKNOWN", "TCP" }));
        Assert.That(noreason.StatusCode, Is.EqualTo(100));
        Assert.That(noreason.ReasonPhrase, Is.Empty);
        Assert.That(novelsc.RequestUri.IsSip, Is.False);
        Assert.That(novelsc.RequestUri.ToString(), Is.EqualTo("soap.beep://192.0.2.103:3002"));
    }

    [TestCaseSource(nameof(InvalidNames))]
    public void Parse_InvalidTortureMessage_IsRefused(string name)
    {
        var bytes = Wire.Bytes(Rfc4475Messages.Invalid[name]);

        var error = Assert.Throws<SipParseException>(() => SipMessageParser.Parse(bytes))!;

        Assert.That(error.StatusCode, Is.EqualTo(name == "badvers" ? 505 : 400));
    }

    private static IEnumerable<string> InvalidNames() => Rfc4475Messages.Invalid.Keys;

    [Test]
    public void Parse_BadRequest_CarriesWhatA400Needs()
    {
        var error = Assert.Throws<SipParseException>(() => SipMessageParser.Parse(Wire.Bytes(Rfc4475Messages.Invalid["mismatch01"])))!;

        Assert.That(error.RequestMethod, Is.EqualTo("OPTIONS"));
        Assert.That(error.RequestHeaders.Select(h => h.Name), Is.EquivalentTo(new[] { "To", "From", "Call-ID", "CSeq", "Via" }));
    }

    [Test]
    public void Parse_BodyBeyondContentLength_IsCutOff()
    {
        // RFC 4475 3.1.1.11 (dblreq style): whatever follows Content-Length bytes is not this message.
        var text = Rfc3261Messages.Bye.Replace("Content-Length: 0\n\n", "Content-Length: 0\n\nINVITE sip:x@y SIP/2.0\n", StringComparison.Ordinal);

        var message = SipMessageParser.Parse(Wire.Bytes(text));

        Assert.That(message.Body.Length, Is.Zero);
    }

    [Test]
    public void Parse_BareLineFeedsAndLeadingCrlf_AreAccepted()
    {
        var message = SipMessageParser.Parse(Encoding.UTF8.GetBytes("\r\n" + Rfc3261Messages.Bye.ReplaceLineEndings("\n")));

        Assert.That(message.CSeq.Method, Is.EqualTo("BYE"));
    }

    [Test]
    public void ToBytes_ParsedMessage_RoundTrips()
    {
        foreach (var text in new[] { Rfc3261Messages.Invite, Rfc3261Messages.Ok, Rfc3261Messages.CompactInvite, Rfc4475Messages.Wsinv, Rfc4475Messages.Intmeth })
        {
            var first = SipMessageParser.Parse(Wire.Bytes(text));
            var second = SipMessageParser.Parse(first.ToBytes());

            Assert.That(second.ToString(), Is.EqualTo(first.ToString()));
            Assert.That(second.CallId, Is.EqualTo(first.CallId));
            Assert.That(second.Body.ToArray(), Is.EqualTo(first.Body.ToArray()));
        }
    }

    [Test]
    public void ToBytes_Response_HasCrlfAndContentLength()
    {
        var request = (SipRequest)SipMessageParser.Parse(Wire.Bytes(Rfc3261Messages.Invite));
        var response = SipResponse.For(request, 180);
        response.Headers.Set("To", request.Headers.Get("To") + ";tag=abc");

        var text = Encoding.UTF8.GetString(response.ToBytes());

        Assert.That(text, Is.EqualTo(Wire.Crlf("""
            SIP/2.0 180 Ringing
            Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds
            To: Bob <sip:bob@biloxi.com>;tag=abc
            From: Alice <sip:alice@atlanta.com>;tag=1928301774
            Call-ID: a84b4c76e66710@pc33.atlanta.com
            CSeq: 314159 INVITE
            Content-Length: 0


            """)));
    }
}
