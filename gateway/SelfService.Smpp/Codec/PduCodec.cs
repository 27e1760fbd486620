using System.Buffers;
using System.Buffers.Binary;

namespace SelfService.Smpp;

/// <summary>Turns octets into PDUs and back (SMPP v3.4 chapter 3). Stateless and thread-safe.</summary>
/// <remarks>
/// Decoding separates three cases, as every sound SMPP stack does: a short buffer is "need more data", a sound header
/// with a bad body is a recoverable <see cref="PduDecodeStatus.InvalidPdu"/> (answer and keep the session), and an
/// impossible command_length is a <see cref="PduDecodeStatus.FramingError"/> (close the connection).
/// </remarks>
public sealed class PduCodec
{
    /// <summary>The default largest PDU accepted: 64 KiB, enough for a full message_payload.</summary>
    public const int DefaultMaxPduLength = 64 * 1024;

    private const int StackFrameLimit = 512;

    public PduCodec(int maxPduLength = DefaultMaxPduLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPduLength, PduLimits.HeaderLength);
        MaxPduLength = maxPduLength;
    }

    /// <summary>A codec with the default maximum.</summary>
    public static PduCodec Default { get; } = new();

    /// <summary>The largest command_length accepted; anything above it is a framing error.</summary>
    public int MaxPduLength { get; }

    /// <summary>Decodes the PDU at the start of <paramref name="buffer"/>, if it is all there.</summary>
    public PduDecodeResult Decode(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < 4) return PduDecodeResult.NeedMoreData;
        uint length = BinaryPrimitives.ReadUInt32BigEndian(buffer);
        // Checked before the rest arrives: a lying length must not make us wait for 4 GB.
        if (length < PduLimits.HeaderLength || length > MaxPduLength)
            return PduDecodeResult.Framing($"command_length {length} is outside {PduLimits.HeaderLength}..{MaxPduLength}");
        if (buffer.Length < length) return PduDecodeResult.NeedMoreData;
        return DecodeFrame(buffer[..(int)length]);
    }

    /// <summary>Decodes the PDU at the start of <paramref name="buffer"/>; copies only a frame that spans segments.</summary>
    public PduDecodeResult Decode(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment || buffer.FirstSpan.Length >= PduLimits.HeaderLength)
        {
            var first = buffer.FirstSpan;
            if (first.Length >= 4)
            {
                uint length = BinaryPrimitives.ReadUInt32BigEndian(first);
                if (length <= (uint)first.Length || buffer.IsSingleSegment) return Decode(first);
            }
        }
        if (buffer.Length < 4) return PduDecodeResult.NeedMoreData;

        Span<byte> lengthBytes = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(lengthBytes);
        uint frameLength = BinaryPrimitives.ReadUInt32BigEndian(lengthBytes);
        if (frameLength < PduLimits.HeaderLength || frameLength > MaxPduLength)
            return PduDecodeResult.Framing($"command_length {frameLength} is outside {PduLimits.HeaderLength}..{MaxPduLength}");
        if (buffer.Length < frameLength) return PduDecodeResult.NeedMoreData;

        var frame = buffer.Slice(0, frameLength);
        if (frameLength <= StackFrameLimit)
        {
            Span<byte> copy = stackalloc byte[(int)frameLength];
            frame.CopyTo(copy);
            return DecodeFrame(copy);
        }
        var rented = ArrayPool<byte>.Shared.Rent((int)frameLength);
        try
        {
            frame.CopyTo(rented);
            return DecodeFrame(rented.AsSpan(0, (int)frameLength));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static PduDecodeResult DecodeFrame(ReadOnlySpan<byte> frame)
    {
        var header = new PduHeader(
            BinaryPrimitives.ReadUInt32BigEndian(frame),
            (CommandId)BinaryPrimitives.ReadUInt32BigEndian(frame[4..]),
            (CommandStatus)BinaryPrimitives.ReadUInt32BigEndian(frame[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(frame[12..]));
        var reader = new PduReader(frame[PduLimits.HeaderLength..]);
        Pdu? pdu = ReadBody(ref reader, header);
        if (pdu is null)
            return PduDecodeResult.Invalid(header, CommandStatus.InvalidCommandId, $"unknown or unsupported command_id 0x{(uint)header.CommandId:X8}");
        if (reader.Failed)
            return PduDecodeResult.Invalid(header, reader.ErrorStatus, reader.Error!);
        return PduDecodeResult.Decoded(pdu, header);
    }

    private static Pdu? ReadBody(ref PduReader reader, in PduHeader header)
    {
        switch (header.CommandId)
        {
            case CommandId.SubmitSm: return ShortMessagePdu.Read<SubmitSm>(ref reader, header);
            case CommandId.SubmitSmResp: return MessageIdResponse.Read<SubmitSmResp>(ref reader, header);
            case CommandId.DeliverSm: return ShortMessagePdu.Read<DeliverSm>(ref reader, header);
            case CommandId.DeliverSmResp: return MessageIdResponse.Read<DeliverSmResp>(ref reader, header);
            case CommandId.DataSm: return DataSm.Read(ref reader, header);
            case CommandId.DataSmResp: return MessageIdResponse.Read<DataSmResp>(ref reader, header);
            case CommandId.EnquireLink: return Empty<EnquireLink>(ref reader, header);
            case CommandId.EnquireLinkResp: return Empty<EnquireLinkResp>(ref reader, header);
            case CommandId.BindTransmitter: return BindRequest.Read<BindTransmitter>(ref reader, header);
            case CommandId.BindReceiver: return BindRequest.Read<BindReceiver>(ref reader, header);
            case CommandId.BindTransceiver: return BindRequest.Read<BindTransceiver>(ref reader, header);
            case CommandId.BindTransmitterResp: return BindResponse.Read<BindTransmitterResp>(ref reader, header);
            case CommandId.BindReceiverResp: return BindResponse.Read<BindReceiverResp>(ref reader, header);
            case CommandId.BindTransceiverResp: return BindResponse.Read<BindTransceiverResp>(ref reader, header);
            case CommandId.Unbind: return Empty<Unbind>(ref reader, header);
            case CommandId.UnbindResp: return Empty<UnbindResp>(ref reader, header);
            case CommandId.GenericNack: return Empty<GenericNack>(ref reader, header);
            case CommandId.QuerySm: return QuerySm.Read(ref reader, header);
            case CommandId.QuerySmResp: return QuerySmResp.Read(ref reader, header);
            case CommandId.AlertNotification: return AlertNotification.Read(ref reader, header);
            default: return null;
        }
    }

    private static T Empty<T>(ref PduReader reader, in PduHeader header) where T : Pdu, new()
    {
        reader.ExpectEnd();
        return new T { CommandStatus = header.CommandStatus, SequenceNumber = header.SequenceNumber };
    }

    /// <summary>The encoded size of <paramref name="pdu"/>, header included, after checking every field against the spec.</summary>
    /// <exception cref="SmppInvalidPduException">A field breaks the spec.</exception>
    public int GetEncodedLength(Pdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        return PduLimits.HeaderLength + pdu.GetBodyLength();
    }

    /// <summary>Encodes <paramref name="pdu"/> into <paramref name="destination"/>; returns the octets written.</summary>
    /// <exception cref="SmppInvalidPduException">A field breaks the spec.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public int Encode(Pdu pdu, Span<byte> destination)
    {
        int length = GetEncodedLength(pdu);
        if (destination.Length < length) throw new ArgumentException($"{length} octets needed, {destination.Length} given", nameof(destination));
        WriteUnchecked(pdu, length, destination);
        return length;
    }

    /// <summary>Encodes <paramref name="pdu"/> into <paramref name="writer"/> without an intermediate buffer.</summary>
    /// <exception cref="SmppInvalidPduException">A field breaks the spec.</exception>
    public void Encode(Pdu pdu, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int length = GetEncodedLength(pdu);
        WriteUnchecked(pdu, length, writer.GetSpan(length));
        writer.Advance(length);
    }

    /// <summary>Encodes <paramref name="pdu"/> into a new array.</summary>
    /// <exception cref="SmppInvalidPduException">A field breaks the spec.</exception>
    public byte[] Encode(Pdu pdu)
    {
        int length = GetEncodedLength(pdu);
        var bytes = new byte[length];
        WriteUnchecked(pdu, length, bytes);
        return bytes;
    }

    /// <summary>Writes a PDU whose length <see cref="GetEncodedLength"/> has already computed (and so validated).</summary>
    internal static void WriteUnchecked(Pdu pdu, int length, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)pdu.CommandId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], (uint)pdu.CommandStatus);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], pdu.SequenceNumber);
        var writer = new PduWriter(destination[PduLimits.HeaderLength..length]);
        pdu.WriteBody(ref writer);
        System.Diagnostics.Debug.Assert(writer.Position == length - PduLimits.HeaderLength, "GetBodyLength and WriteBody disagree");
    }
}
