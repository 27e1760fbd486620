namespace SelfService.Sip.Tests.Messages;

/// <summary>
/// Torture messages of RFC 4475 (section numbers and file names as in the RFC). Written with "\n"; the tests send CRLF.
/// Non-printable characters are written as C# escapes.
/// </summary>
internal static class Rfc4475Messages
{
    // 3.1.1.1 wsinv: folding, escapes in quotes, empty Subject, LWS everywhere, compact and long names mixed.
    public const string Wsinv = """
        INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
        TO :
         sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
        from   : "J Rosenberg \\\""       <sip:jdrosen@example.com>
          ;
          tag = 98asjd8
        MaX-fOrWaRdS: 0068
        Call-ID: wsinv.ndaksdj@192.0.2.1
        Content-Length   : 150
        cseq: 0009
          INVITE
        Via  : SIP  /   2.0
         /UDP
            192.0.2.2;branch=390skdjuw
        s :
        NewFangledHeader:   newfangled value
         continued newfangled value
        UnknownHeaderWithUnusualValue: ;;,,;;,;
        Content-Type: application/sdp
        Route:
         <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
        v:  SIP  / 2.0  / TCP     spindle.example.com   ;
          branch  =   z9hG4bK9ikj8  ,
         SIP  /    2.0   / UDP  192.168.255.111   ; branch=
         z9hG4bK30239
        m:"Quoted string \"\"" <sip:jdrosen@example.com> ; newparam =
              newvalue ;
          secondparam ; q = 0.33

        v=0
        o=mhandley 29739 7272939 IN IP4 192.0.2.3
        s=-
        c=IN IP4 192.0.2.4
        t=0 0
        m=audio 49217 RTP/AVP 0 12
        m=video 3227 RTP/AVP 31
        a=rtpmap:31 LPC

        """;

    // 3.1.1.2 intmeth: an unknown method and the full range of token/word characters.
    public static readonly string Intmeth = """
        !interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0
        Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~
        To: "BEL:\<BEL> NUL:\<NUL> DEL:\<DEL>" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>
        From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="работающий";tag=_token~1'+`*%!-.
        Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\/"][?}{
        CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~
        Max-Forwards: 255
        extensionHeader-!.%*+_`'~: 大停電
        Content-Length: 0


        """.Replace("<BEL>", "\u0007", StringComparison.Ordinal).Replace("<NUL>", "\u0000", StringComparison.Ordinal).Replace("<DEL>", "\u007F", StringComparison.Ordinal);

    // 3.1.1.3 esc01: valid %-escapes.
    public const string Esc01 = """
        INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
        To: sip:%75se%72@example.com
        From: <sip:I%20have%20spaces@example.net>;tag=938
        Max-Forwards: 87
        i: esc01.239409asdfakjkn23onasd0-3234
        CSeq: 234234 INVITE
        Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw
        C: application/sdp
        Contact:
          <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
        Content-Length: 0


        """;

    // 3.1.1.4 escnull: an escaped NUL in a URI user part.
    public const string Escnull = """
        REGISTER sip:example.com SIP/2.0
        To: sip:null-%00-null@example.com
        From: sip:null-%00-null@example.com;tag=839923423
        Max-Forwards: 70
        Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
        CSeq: 14398234 REGISTER
        Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw
        Contact: <sip:%00@host5.example.com>
        Contact: <sip:%00%00@host5.example.com>
        L:0


        """;

    // 3.1.1.6 lwsdisp: no LWS between a display name and "<".
    public const string Lwsdisp = """
        OPTIONS sip:user@example.com SIP/2.0
        To: sip:user@example.com
        From: caller<sip:caller@example.com>;tag=323
        Max-Forwards: 70
        Call-ID: lwsdisp.1234abcd@funky.example.com
        CSeq: 60 OPTIONS
        Via: SIP/2.0/UDP funky.example.com;branch=z9hG4bKkdjuw
        l: 0


        """;

    // 3.1.1.9 semiuri: a ";" in the user part of the Request-URI.
    public const string Semiuri = """
        OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0
        To: sip:j_user@example.com
        From: sip:caller@example.org;tag=33242
        Max-Forwards: 3
        Call-ID: semiuri.0ha0isndaksdj
        CSeq: 8 OPTIONS
        Accept: application/sdp, application/pkcs7-mime,
                multipart/mixed, multipart/signed,
                message/sip, message/sipfrag
        Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKkdjuw
        l: 0


        """;

    // 3.1.1.10 transports: Via with transports this element does not know.
    public const string Transports = """
        OPTIONS sip:user@example.com SIP/2.0
        To: sip:user@example.com
        From: <sip:caller@example.com>;tag=323
        Max-Forwards: 70
        Call-ID:  transports.kijh4akdnaqjkwendsasfdj
        Accept: application/sdp
        CSeq: 60 OPTIONS
        Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw
        Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
        Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
        Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
        Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
        l: 0


        """;

    // 3.1.1.12 unreason: an unusual reason phrase with UTF-8.
    public const string Unreason = """
        SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять - простое
        Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923
        Call-ID: unreason.1234ksdfak3j2erwedfsASdf
        CSeq: 35 INVITE
        From: sip:user@example.com;tag=11141343
        To: sip:user@example.edu;tag=2229
        Content-Length: 0
        Max-Forwards: 70


        """;

    // 3.1.1.13 noreason: an empty reason phrase.
    public const string Noreason = "SIP/2.0 100 \nVia: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe\nCall-ID: noreason.asndj203insdf99223ndf\nCSeq: 35 INVITE\nFrom: <sip:user@example.com>;tag=39ansfi3\nTo: <sip:user@example.edu>;tag=902jndnke3\nContent-Length: 0\nContact: <sip:user@host105.example.com>\n\n";

    // 3.3.1 / 3.3.2 unksm, novelsc: Request-URIs with schemes this element does not know (valid syntax).
    public const string Novelsc = """
        OPTIONS soap.beep://192.0.2.103:3002 SIP/2.0
        To: sip:user@example.com
        From: sip:caller@example.net;tag=384
        Max-Forwards: 3
        Call-ID: novelsc.asdfasser0q239nwsdfasdkl34
        CSeq: 3923423 OPTIONS
        Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234
        Content-Length: 0


        """;

    // 3.3.15 inv2543: an RFC 2543 INVITE (no branch cookie, no tags).
    public const string Inv2543 = """
        INVITE sip:UserB@example.com SIP/2.0
        Via: SIP/2.0/UDP iftgw.example.com
        From: <sip:+13035551111@ift.client.example.net;user=phone>
        Record-Route: <sip:UserB@example.com;maddr=ss1.example.com>
        To: sip:+16505552222@ss1.example.net;user=phone
        Call-ID: inv2543.1717@ift.client.example.com
        CSeq: 56 INVITE
        Content-Type: application/sdp

        v=0
        o=mhandley 29739 7272939 IN IP4 192.0.2.5
        s=-
        c=IN IP4 192.0.2.5
        t=0 0
        m=audio 49217 RTP/AVP 0

        """;

    /// <summary>3.1.2: messages every element must refuse, by the RFC's file name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Invalid = new Dictionary<string, string>
    {
        // 3.1.2.1 badinv01: extraneous ";" and "," separators.
        ["badinv01"] = """
            INVITE sip:user@example.com SIP/2.0
            To: sip:j.user@example.com
            From: sip:caller@example.net;;tag=134161461246
            Max-Forwards: 7
            Call-ID: badinv01.0ha0isndaksdjasdf3234nas
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP 192.0.2.15;;,;,,
            Contact: "Joe" <sip:joe@example.org>;;;;
            Content-Length: 152
            Content-Type: application/sdp

            v=0
            o=mhandley 29739 7272939 IN IP4 192.0.2.15
            s=-
            c=IN IP4 192.0.2.15
            t=0 0
            m=audio 49217 RTP/AVP 0 12
            m=video 3227 RTP/AVP 31
            a=rtpmap:31 LPC

            """,
        // 3.1.2.2 clerr: Content-Length larger than the message.
        ["clerr"] = """
            INVITE sip:user@example.com SIP/2.0
            Max-Forwards: 80
            To: sip:j.user@example.com
            From: sip:caller@example.net;tag=93942939o2
            Contact: <sip:caller@hungry.example.net>
            Call-ID: clerr.0ha0isndaksdjweiafasdk3
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bK-39234-23523
            Content-Type: application/sdp
            Content-Length: 9999

            v=0
            o=mhandley 29739 7272939 IN IP4 192.0.2.155
            s=-
            c=IN IP4 192.0.2.155
            t=0 0
            m=audio 49217 RTP/AVP 0 12
            m=video 3227 RTP/AVP 31
            a=rtpmap:31 LPC

            """,
        // 3.1.2.3 ncl: negative Content-Length.
        ["ncl"] = """
            INVITE sip:user@example.com SIP/2.0
            Max-Forwards: 254
            To: sip:j.user@example.com
            From: sip:caller@example.net;tag=32394234
            Call-ID: ncl.0ha0isndaksdj2193423r542w35
            CSeq: 0 INVITE
            Via: SIP/2.0/UDP 192.0.2.53;branch=z9hG4bKkdjuw
            Contact: <sip:caller@example53.example.net>
            Content-Type: application/sdp
            Content-Length: -999

            v=0
            o=mhandley 29739 7272939 IN IP4 192.0.2.53
            s=-
            c=IN IP4 192.0.2.53
            t=0 0
            m=audio 49217 RTP/AVP 0

            """,
        // 3.1.2.4 scalar02: overlarge CSeq and Max-Forwards.
        ["scalar02"] = """
            REGISTER sip:example.com SIP/2.0
            Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3
            To: <sip:user@example.com>
            From: <sip:user@example.com>;tag=239232jh3
            CSeq: 36893488147419103232 REGISTER
            Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32
            Max-Forwards: 300
            Expires: 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            Contact: <sip:user@host129.example.com>
              ;expires=280297596632815
            Content-Length: 0


            """,
        // 3.1.2.5 scalarlg: a response with an overlarge CSeq.
        ["scalarlg"] = """
            SIP/2.0 503 Service Unavailable
            Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bKzzxdiwo34sw;received=192.0.2.129
            To: <sip:user@example.com>
            From: <sip:other@example.net>;tag=2easdjfejw
            CSeq: 9292394834772304023312 OPTIONS
            Call-ID: scalarlg.noase0of0234hn2qofoaf0232aewf2394r
            Retry-After: 949302838503028349304023988
            Warning: 1812 overture "In Progress"
            Content-Length: 0


            """,
        // 3.1.2.6 quotbal: an unterminated quoted string in a display name.
        ["quotbal"] = """
            INVITE sip:user@example.com SIP/2.0
            To: "Mr. J. User <sip:j.user@example.com>
            From: sip:caller@example.net;tag=93334
            Max-Forwards: 10
            Call-ID: quotbal.aksdj
            Contact: <sip:caller@host59.example.net>
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP 192.0.2.59:5050;branch=z9hG4bKkdjuw39234
            Content-Type: application/sdp
            Content-Length: 0


            """,
        // 3.1.2.7 ltgtruri: the Request-URI in <>.
        ["ltgtruri"] = """
            INVITE <sip:user@example.com> SIP/2.0
            To: sip:user@example.com
            From: sip:caller@example.net;tag=39291
            Max-Forwards: 23
            Call-ID: ltgtruri.1@192.0.2.5
            CSeq: 1 INVITE
            Via: SIP/2.0/UDP 192.0.2.5
            Contact: <sip:caller@host5.example.net>
            Content-Type: application/sdp
            Content-Length: 0


            """,
        // 3.1.2.8 lwsruri: whitespace inside the Request-URI.
        ["lwsruri"] = """
            INVITE sip:user@example.com; lr SIP/2.0
            To: sip:user@example.com;tag=3xfe-9921883-z9f
            From: sip:caller@example.net;tag=231413434
            Max-Forwards: 5
            Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423
            CSeq: 2130706432 INVITE
            Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKkdjuw2395
            Contact: <sip:caller@host1.example.net>
            Content-Length: 0


            """,
        // 3.1.2.9 lwsstart: several SP between the Request-Line elements.
        ["lwsstart"] = """
            INVITE  sip:user@example.com  SIP/2.0
            Max-Forwards: 8
            To: sip:user@example.com
            From: sip:caller@example.net;tag=8814
            Call-ID: lwsstart.dfknq234oi243099adsdfnawe3@example.com
            CSeq: 1893884 INVITE
            Via: SIP/2.0/UDP host1.example.com;branch=z9hG4bKkdjuw3923
            Contact: <sip:caller@host1.example.net>
            Content-Length: 0


            """,
        // 3.1.2.10 trws: SP at the end of the Request-Line.
        ["trws"] = "OPTIONS sip:remote-target@example.com SIP/2.0  \nVia: SIP/2.0/TCP host1.example.com;branch=z9hG4bK299342093\nTo: <sip:remote-target@example.com>\nFrom: <sip:local-resource@example.com>;tag=329429089\nCall-ID: trws.oicu34958239neffasdhr2345r\nAccept: application/sdp\nCSeq: 238923 OPTIONS\nMax-Forwards: 70\nContent-Length: 0\n\n",
        // 3.1.2.11 escruri: escaped headers in a SIP Request-URI.
        ["escruri"] = """
            INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0
            To: sip:user@example.com
            From: sip:caller@example.net;tag=341518
            Max-Forwards: 7
            Contact: <sip:caller@host39923.example.net>
            Call-ID: escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5
            CSeq: 149209342 INVITE
            Via: SIP/2.0/UDP host-of-the-hour.example.com;branch=z9hG4bKkdjuw
            Content-Length: 0


            """,
        // 3.1.2.13 regbadct: a name-addr URI with "?" not enclosed in <>.
        ["regbadct"] = """
            REGISTER sip:example.com SIP/2.0
            To: sip:user@example.com
            From: sip:user@example.com;tag=998332
            Max-Forwards: 70
            Call-ID: regbadct.k345asrl3fdbv@10.0.0.1
            CSeq: 1 REGISTER
            Via: SIP/2.0/UDP 135.180.130.133:5060;branch=z9hG4bKkdjuw
            Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E
            l: 0


            """,
        // 3.1.2.14 badaspec: spaces inside the angle brackets.
        ["badaspec"] = """
            OPTIONS sip:user@example.org SIP/2.0
            Via: SIP/2.0/UDP host4.example.com:5060;branch=z9hG4bKkdju43234
            Max-Forwards: 70
            From: "Bell, Alexander" <sip:a.g.bell@example.com>;tag=433423
            To: "Watson, Thomas" < sip:t.watson@example.org >
            Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3
            Accept: application/sdp
            CSeq: 3923239 OPTIONS
            l: 0


            """,
        // 3.1.2.15 baddn: non-token characters in an unquoted display name.
        ["baddn"] = """
            OPTIONS sip:t.watson@example.org SIP/2.0
            Via:     SIP/2.0/UDP c.example.com:5060;branch=z9hG4bKkdjuw
            Max-Forwards:      70
            From:    Bell, Alexander <sip:a.g.bell@example.com>;tag=43
            To:      Watson, Thomas <sip:t.watson@example.org>
            Call-ID: baddn.31415@c.example.com
            Accept: application/sdp
            CSeq:    3923239 OPTIONS
            l: 0


            """,
        // 3.1.2.16 badvers: SIP/7.0 (answered 505).
        ["badvers"] = """
            OPTIONS sip:t.watson@example.org SIP/7.0
            Via:     SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw
            Max-Forwards:     70
            From:    A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe
            To:      T. Watson <sip:t.watson@example.org>
            Call-ID: badvers.31417@c.example.com
            CSeq:    1 OPTIONS
            l: 0


            """,
        // 3.1.2.17 mismatch01: start line and CSeq methods differ.
        ["mismatch01"] = """
            OPTIONS sip:user@example.com SIP/2.0
            To: sip:j.user@example.com
            From: sip:caller@example.net;tag=34525
            Max-Forwards: 6
            Call-ID: mismatch01.dj0234sxdfl3
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw
            l: 0


            """,
        // 3.1.2.18 mismatch02: an unknown method, CSeq method differs.
        ["mismatch02"] = """
            NEWMETHOD sip:user@example.com SIP/2.0
            To: sip:j.user@example.com
            From: sip:caller@example.net;tag=34525
            Max-Forwards: 6
            Call-ID: mismatch02.dj0234sxdfl3
            CSeq: 8 INVITE
            Contact: <sip:caller@host.example.net>
            Via: SIP/2.0/UDP host.example.net;branch=z9hG4bKkdjuw
            Content-Type: application/sdp
            l: 0


            """,
        // 3.1.2.19 bigcode: a status code of more than three digits.
        ["bigcode"] = """
            SIP/2.0 4294967301 better not break the receiver
            Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
            Call-ID: bigcode.asdof3uj203asdnf3429uasdhfas3ehjasdfas9i
            CSeq: 353494 INVITE
            From: <sip:user@example.com>;tag=39ansfi3
            To: <sip:user@example.edu>;tag=902jndnke3
            Content-Length: 0
            Contact: <sip:user@host105.example.com>


            """,
        // 3.3.1 insuf: To, From and Call-ID missing.
        ["insuf"] = """
            INVITE sip:user@example.com SIP/2.0
            CSeq: 193942 INVITE
            Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf
            Content-Type: application/sdp
            l: 152

            v=0
            o=mhandley 29739 7272939 IN IP4 192.0.2.95
            s=-
            c=IN IP4 192.0.2.95
            t=0 0
            m=audio 49217 RTP/AVP 0 12
            m=video 3227 RTP/AVP 31
            a=rtpmap:31 LPC

            """,
        // 3.1.2.x multi01: several single-valued headers (To, Call-ID, CSeq).
        ["multi01"] = """
            INVITE sip:user@company.com SIP/2.0
            Contact: <sip:caller@host25.example.net>
            Via: SIP/2.0/UDP 192.0.2.25;branch=z9hG4bKkdjuw
            Max-Forwards: 70
            CSeq: 5 INVITE
            Call-ID: multi01.98asdh@192.0.2.1
            CSeq: 59 INVITE
            Call-ID: multi01.98asdh@192.0.2.2
            From: sip:caller@example.com;tag=3413415
            To: sip:user@example.com
            To: sip:other@example.net
            From: sip:caller@example.net;tag=2923420123
            Content-Type: application/sdp
            l: 0
            Contact: <sip:caller@host36.example.net>
            Max-Forwards: 5


            """,
        // 3.1.2.x mcl01: Content-Length given three times, differently.
        ["mcl01"] = """
            OPTIONS sip:user@example.com SIP/2.0
            Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bK293423
            To: sip:user@example.com
            From: sip:other@example.net;tag=3923942
            Call-ID: mcl01.fhn2323orihawfdoa3o4r52o3irsdf
            CSeq: 15932 OPTIONS
            Content-Length: 13
            Max-Forwards: 60
            Content-Length: 5
            Content-Type: text/plain

            There's no way to know how many octets are supposed to be here.

            """,
    };
}
