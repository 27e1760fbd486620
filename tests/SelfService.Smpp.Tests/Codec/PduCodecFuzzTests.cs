using System.Buffers.Binary;
using System.Diagnostics;

namespace SelfService.Smpp.Tests.Codec;

/// <summary>Random and mutated PDUs, from a fixed seed so a failure repeats.</summary>
public class PduCodecFuzzTests
{
    private const int Iterations = 300_000;

    [Test]
    public void Decode_RandomAndMutatedPdus_NeverThrowsNorLoopsAndRoundTrips()
    {
        var random = new Random(20260311);
        var codec = new PduCodec(maxPduLength: 4096);
        var stopwatch = Stopwatch.StartNew();
        int decoded = 0, invalid = 0, framing = 0, needMore = 0;

        for (int i = 0; i < Iterations; i++)
        {
            byte[] input = (i % 10) switch
            {
                0 => RandomBytes(random),
                1 => RandomHeaderThenJunk(random),
                _ => Mutate(random, codec.Encode(RandomPdu(random))),
            };

            PduDecodeResult result;
            try
            {
                result = codec.Decode(input);
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i}: {ex.GetType().Name} {ex.Message} on {Convert.ToHexString(input)}");
                return;
            }

            if (i % 7 == 0 && input.Length > 1)
            {
                // The same octets split over two segments must give the same verdict.
                int cut = random.Next(1, input.Length);
                var split = codec.Decode(Support.Segments.Split(input, cut));
                Assert.That((split.Status, split.Pdu, split.ErrorStatus), Is.EqualTo((result.Status, result.Pdu, result.ErrorStatus)), $"iteration {i} split at {cut}");
            }

            switch (result.Status)
            {
                case PduDecodeStatus.Decoded:
                    decoded++;
                    Assert.That(result.BytesConsumed, Is.InRange(16, input.Length));
                    var again = codec.Decode(codec.Encode(result.Pdu!));
                    if (!Equals(again.Pdu, result.Pdu))
                        Assert.Fail($"iteration {i}: {result.Pdu} re-decoded as {again.Pdu} ({again.Error}) from {Convert.ToHexString(input)}");
                    break;
                case PduDecodeStatus.InvalidPdu:
                    invalid++;
                    Assert.That(result.BytesConsumed, Is.InRange(16, input.Length));
                    Assert.That(result.ErrorStatus, Is.Not.EqualTo(CommandStatus.Ok));
                    Assert.That(result.CreateErrorResponse(), Is.Not.Null);
                    break;
                case PduDecodeStatus.FramingError:
                    framing++;
                    Assert.That(result.BytesConsumed, Is.Zero);
                    break;
                default:
                    needMore++;
                    Assert.That(result.BytesConsumed, Is.Zero);
                    break;
            }
        }

        TestContext.Out.WriteLine($"{Iterations} inputs in {stopwatch.ElapsedMilliseconds} ms: {decoded} decoded, {invalid} invalid, {framing} framing errors, {needMore} need more data");
        Assert.Multiple(() =>
        {
            // Every outcome must have been exercised, or the generator is not doing its job.
            Assert.That(decoded, Is.GreaterThan(Iterations / 10));
            Assert.That(invalid, Is.GreaterThan(Iterations / 20));
            Assert.That(framing, Is.GreaterThan(100));
            Assert.That(needMore, Is.GreaterThan(100));
        });
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 80)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] RandomHeaderThenJunk(Random random)
    {
        var bytes = new byte[16 + random.Next(0, 120)];
        random.NextBytes(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)bytes.Length);
        var ids = Enum.GetValues<CommandId>();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)ids[random.Next(ids.Length)]);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        switch (random.Next(7))
        {
            case 0: // flip a few octets of the body, keep the header
                for (int n = random.Next(1, 4); n > 0 && bytes.Length > 16; n--) bytes[random.Next(16, bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1: // flip any octet
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 2: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 3: // lie in command_length
                BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(bytes.Length + random.Next(-20, 20)));
                return bytes;
            case 4: // cut the frame and say so in command_length
            {
                int length = random.Next(16, bytes.Length + 1);
                var cut = bytes[..length];
                BinaryPrimitives.WriteUInt32BigEndian(cut, (uint)length);
                return cut;
            }
            case 5: // append junk that command_length covers
            {
                var longer = new byte[bytes.Length + random.Next(1, 12)];
                bytes.CopyTo(longer, 0);
                random.NextBytes(longer.AsSpan(bytes.Length));
                BinaryPrimitives.WriteUInt32BigEndian(longer, (uint)longer.Length);
                return longer;
            }
            default: // unchanged
                return bytes;
        }
    }

    private static Pdu RandomPdu(Random random)
    {
        uint seq = (uint)random.Next(1, int.MaxValue);
        return random.Next(14) switch
        {
            0 => new SubmitSm
            {
                SequenceNumber = seq, ServiceType = Str(random, 5), SourceAddrTon = (TypeOfNumber)random.Next(7), SourceAddrNpi = (NumberingPlan)random.Next(19),
                SourceAddr = Str(random, 20), DestAddrTon = (TypeOfNumber)random.Next(7), DestinationAddr = Str(random, 20), EsmClass = (byte)random.Next(256),
                ProtocolId = (byte)random.Next(256), PriorityFlag = (byte)random.Next(4), ScheduleDeliveryTime = Time(random), ValidityPeriod = Time(random),
                RegisteredDelivery = (byte)random.Next(32), DataCoding = (byte)random.Next(256), ShortMessage = Bytes(random, 254), Tlvs = Tlvs(random),
            },
            1 => new DeliverSm { SequenceNumber = seq, SourceAddr = Str(random, 20), DestinationAddr = Str(random, 20), EsmClass = (byte)random.Next(256), ShortMessage = Bytes(random, 160), Tlvs = Tlvs(random) },
            2 => new SubmitSmResp { SequenceNumber = seq, CommandStatus = (CommandStatus)random.Next(3), MessageId = Str(random, 64) },
            3 => new DeliverSmResp { SequenceNumber = seq },
            4 => new DataSm { SequenceNumber = seq, SourceAddr = Str(random, 64), DestinationAddr = Str(random, 64), DataCoding = (byte)random.Next(256), Tlvs = Tlvs(random) },
            5 => new DataSmResp { SequenceNumber = seq, MessageId = Str(random, 64), Tlvs = Tlvs(random) },
            6 => new BindTransceiver { SequenceNumber = seq, SystemId = Str(random, 15), Password = Str(random, 8), SystemType = Str(random, 12), AddressRange = Str(random, 40) },
            7 => new BindReceiverResp { SequenceNumber = seq, SystemId = Str(random, 15), Tlvs = Tlvs(random) },
            8 => new EnquireLink { SequenceNumber = seq },
            9 => new GenericNack { SequenceNumber = seq, CommandStatus = (CommandStatus)random.Next(256) },
            10 => new QuerySm { SequenceNumber = seq, MessageId = Str(random, 64), SourceAddr = Str(random, 20) },
            11 => new QuerySmResp { SequenceNumber = seq, MessageId = Str(random, 64), FinalDate = Time(random), MessageState = (MessageState)random.Next(9) },
            12 => new AlertNotification { SequenceNumber = seq, SourceAddr = Str(random, 64), EsmeAddr = Str(random, 64), Tlvs = Tlvs(random) },
            _ => new Unbind { SequenceNumber = seq },
        };
    }

    private static string Str(Random random, int max)
    {
        var chars = new char[random.Next(0, max + 1)];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)random.Next(1, 256);
        return new string(chars);
    }

    private static string Time(Random random) => random.Next(2) == 0 ? "" : $"{random.Next(100):D2}0101120000000{(random.Next(2) == 0 ? '+' : 'R')}";

    private static byte[] Bytes(Random random, int max)
    {
        var bytes = new byte[random.Next(0, max + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static TlvList Tlvs(Random random)
    {
        int count = random.Next(0, 4);
        if (count == 0) return TlvList.Empty;
        var items = new Tlv[count];
        var tags = Enum.GetValues<TlvTag>();
        for (int i = 0; i < count; i++) items[i] = new Tlv(random.Next(5) == 0 ? (TlvTag)random.Next(0x10000) : tags[random.Next(tags.Length)], Bytes(random, 40));
        return TlvList.Create(items);
    }
}
