using System.Text;
using SelfService.Sip.Tests.Support;

namespace SelfService.Sip.Tests.Messages;

/// <summary>
/// Seeded mutations of valid messages: the parser either parses (and what it parsed serializes to something it parses
/// again) or throws <see cref="SipParseException"/>; never anything else.
/// </summary>
public sealed class SipParserFuzzTests
{
    private const int Iterations = 12_000;
    private static readonly byte[] Interesting = Encoding.ASCII.GetBytes(" \t\r\n:;,<>\"\\@=/%?[]0-9zZ\0\u007f");

    [Test]
    public void Parse_MutatedMessages_OnlyParseErrors()
    {
        var seeds = new[]
        {
            Rfc3261Messages.Invite, Rfc3261Messages.Ok, Rfc3261Messages.Bye, Rfc3261Messages.CompactInvite,
            Rfc4475Messages.Wsinv, Rfc4475Messages.Intmeth, Rfc4475Messages.Esc01, Rfc4475Messages.Semiuri,
        }.Select(Wire.Bytes).ToArray();
        var random = new Random(4475);
        int parsed = 0, refused = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var bytes = Mutate(seeds[random.Next(seeds.Length)], random);
            try
            {
                var message = SipMessageParser.Parse(bytes);
                SipMessageParser.Parse(message.ToBytes());
                parsed++;
            }
            catch (SipParseException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i}: {ex.GetType().Name} {ex.Message}\n{Encoding.UTF8.GetString(bytes)}");
            }
        }

        TestContext.Out.WriteLine($"{Iterations} mutated messages: {parsed} parsed, {refused} refused");
        Assert.That(parsed, Is.GreaterThan(0), "mutations too destructive to test anything but the first line");
        Assert.That(refused, Is.GreaterThan(0));
    }

    [Test]
    public void SdpOfferAnswer_MutatedOffers_OnlyParseErrors()
    {
        var seed = Encoding.UTF8.GetBytes(Wire.Crlf(Rfc3261Messages.AliceSdp + "m=audio 49170 RTP/AVP 8 0 101\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-16\na=sendonly\nc=IN IP4 192.0.2.7\n"));
        var random = new Random(3264);
        int answered = 0, refused = 0;

        for (var i = 0; i < 3_000; i++)
        {
            var text = Encoding.UTF8.GetString(Mutate(seed, random));
            try
            {
                var result = SdpOfferAnswer.Answer(SessionDescription.Parse(text), System.Net.IPAddress.Loopback, 40000, 1);
                if (result.Accepted) SessionDescription.Parse(result.Answer!.ToString());
                answered++;
            }
            catch (SipParseException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i}: {ex.GetType().Name} {ex.Message}\n{text}");
            }
        }

        Assert.That((answered, refused), Is.Not.EqualTo((0, 0)));
        Assert.That(answered, Is.GreaterThan(0));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 2: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 3: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8))); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                case 5:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(40));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default: bytes[at] = (byte)char.ToUpperInvariant((char)bytes[at]); break;
            }
        }
        return [.. bytes];
    }
}
