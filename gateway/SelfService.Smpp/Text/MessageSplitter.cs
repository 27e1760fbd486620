namespace SelfService.Smpp;

/// <summary>Cuts a text into short messages: one when it fits, else concatenated parts.</summary>
/// <remarks>
/// <para>Capacities follow from the 140 octets of air-interface user data (3GPP TS 23.040 section 9.2.3.24): one message holds
/// 160 GSM septets, 140 octets or 70 UCS-2 units; a part loses the UDH (6 octets with an 8-bit reference, 7 with 16-bit),
/// leaving 153/134/67 or 152/133/66.</para>
/// <para>SAR parts carry no UDH over SMPP, but the SMSC must build one for the air interface from the SAR TLVs (the handset only
/// understands a UDH), so each part still has only 153/134/67 units: sending 160 would make the SMSC re-split or reject it.</para>
/// <para>A GSM extension character (escape + code) and a UTF-16 surrogate pair are never cut between parts.</para>
/// </remarks>
public sealed class MessageSplitter
{
    private const int AirInterfaceBits = 140 * 8;
    private int _nextReference;

    public MessageSplitter(MessageSplitterOptions? options = null)
    {
        Options = options ?? new MessageSplitterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxParts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Options.MaxParts, 255);
        _nextReference = Random.Shared.Next(0x10000);
    }

    public MessageSplitterOptions Options { get; }

    /// <summary>The units one message holds with no UDH: 160, 140 or 70.</summary>
    public static int SingleCapacity(ISmsTextCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return AirInterfaceBits / codec.BitsPerUnit;
    }

    /// <summary>The units one part holds when a UDH of <paramref name="udhLength"/> octets (UDHL included) goes with it.</summary>
    public static int PartCapacity(ISmsTextCodec codec, int udhLength)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return (AirInterfaceBits - udhLength * 8) / codec.BitsPerUnit;
    }

    /// <summary>Splits with the smallest codec that carries the text (<see cref="SmsTextCodecs.Choose"/>).</summary>
    /// <param name="reference">The concatenation reference; by default a rolling counter of this splitter.</param>
    /// <exception cref="ArgumentException">The text needs more than <see cref="MessageSplitterOptions.MaxParts"/> parts.</exception>
    public SplitMessage Split(string text, int? reference = null) => Split(text, SmsTextCodecs.Choose(text, Options.Text), reference);

    /// <summary>Splits with the given codec.</summary>
    /// <exception cref="ArgumentException">A character cannot be encoded, or the text needs too many parts.</exception>
    public SplitMessage Split(string text, ISmsTextCodec codec, int? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(codec);
        int units = codec.GetUnitCount(text);
        if (units < 0) throw new ArgumentException($"The text cannot be encoded with data_coding {codec.DataCoding}", nameof(text));

        var method = Options.Method;
        if (units <= SingleCapacity(codec))
            return new SplitMessage(codec, method, 0, [new MessagePart(1, 1, text, codec.Encode(text), false, TlvList.Empty, codec.DataCoding)]);

        if (method == ConcatenationMethod.MessagePayload)
        {
            var payload = codec.Encode(text);
            if (payload.Length > Tlv.MaxValueLength)
                throw new ArgumentException($"{payload.Length} octets do not fit one message_payload ({Tlv.MaxValueLength})", nameof(text));
            return new SplitMessage(codec, method, 0,
                [new MessagePart(1, 1, text, ReadOnlyMemory<byte>.Empty, false, [Tlv.FromOctets(TlvTag.MessagePayload, payload)], codec.DataCoding)]);
        }

        int udhLength = method == ConcatenationMethod.Udh16BitReference ? 7 : 6;
        var texts = Cut(text, codec, PartCapacity(codec, udhLength));
        if (texts.Count > Options.MaxParts)
            throw new ArgumentException($"The text needs {texts.Count} parts, at most {Options.MaxParts} allowed", nameof(text));

        int refValue = reference ?? NextReference();
        refValue &= method == ConcatenationMethod.Udh8BitReference ? 0xFF : 0xFFFF;
        var parts = new MessagePart[texts.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            byte total = (byte)parts.Length, seq = (byte)(i + 1);
            parts[i] = method switch
            {
                ConcatenationMethod.Udh8BitReference => new MessagePart(seq, total, texts[i],
                    codec.Encode(texts[i], [0x05, 0x00, 0x03, (byte)refValue, total, seq]), true, TlvList.Empty, codec.DataCoding),
                ConcatenationMethod.Udh16BitReference => new MessagePart(seq, total, texts[i],
                    codec.Encode(texts[i], [0x06, 0x08, 0x04, (byte)(refValue >> 8), (byte)refValue, total, seq]), true, TlvList.Empty, codec.DataCoding),
                _ => new MessagePart(seq, total, texts[i], codec.Encode(texts[i]), false,
                    [Tlv.FromUInt16(TlvTag.SarMsgRefNum, (ushort)refValue), Tlv.FromByte(TlvTag.SarTotalSegments, total), Tlv.FromByte(TlvTag.SarSegmentSeqnum, seq)],
                    codec.DataCoding),
            };
        }
        return new SplitMessage(codec, method, refValue, parts);
    }

    /// <summary>How many parts <paramref name="text"/> takes with the smallest codec.</summary>
    public int CountParts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var codec = SmsTextCodecs.Choose(text, Options.Text);
        int units = codec.GetUnitCount(text);
        if (units <= SingleCapacity(codec) || Options.Method == ConcatenationMethod.MessagePayload) return 1;
        return Cut(text, codec, PartCapacity(codec, Options.Method == ConcatenationMethod.Udh16BitReference ? 7 : 6)).Count;
    }

    private int NextReference() => Interlocked.Increment(ref _nextReference) & 0xFFFF;

    private static List<string> Cut(string text, ISmsTextCodec codec, int capacity)
    {
        var parts = new List<string>();
        int start = 0, used = 0;
        for (int i = 0; i < text.Length;)
        {
            // A surrogate pair moves as one: never end a part between its halves.
            int length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            int cost = length == 2 ? codec.GetUnitCount(text.AsSpan(i, 2)) : codec.GetUnitCount(text[i]);
            if (used + cost > capacity)
            {
                parts.Add(text[start..i]);
                start = i;
                used = 0;
            }
            used += cost;
            i += length;
        }
        parts.Add(text[start..]);
        return parts;
    }
}
