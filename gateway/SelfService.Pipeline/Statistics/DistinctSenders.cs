using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace SelfService.Pipeline.Statistics;

/// <summary>
/// How many different senders wrote, in bounded memory, mergeable across hours. A set of 64-bit hashes while it is small,
/// so the figure is exact for the few hundred senders a quiet hour has; past <see cref="ExactLimit"/>, a HyperLogLog
/// (Flajolet et al. 2007) of 4,096 registers, about 1.6 % off at any size, 4 KB however many senders (the "sparse then
/// dense" shape of HyperLogLog++).
/// </summary>
public sealed class DistinctSenders
{
    public const int ExactLimit = 512;
    private const int IndexBits = 12;
    private const int Registers = 1 << IndexBits;
    private const byte ExactFormat = 0;
    private const byte SketchFormat = 1;

    private HashSet<ulong>? _exact = [];
    private byte[]? _registers;

    public void Add(string sender) => AddHash(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(sender)));

    /// <summary>Takes in the senders of <paramref name="other"/>: the count becomes that of the union.</summary>
    public void Merge(DistinctSenders other)
    {
        if (other._exact is { } hashes)
        {
            foreach (var hash in hashes) AddHash(hash);
            return;
        }
        var registers = ToSketch();
        for (var i = 0; i < Registers; i++) registers[i] = Math.Max(registers[i], other._registers![i]);
    }

    public long Count => _exact?.Count ?? Estimate(_registers!);

    public byte[] Write()
    {
        if (_registers is { } registers) return [SketchFormat, .. registers];
        var bytes = new byte[1 + 8 * _exact!.Count];
        bytes[0] = ExactFormat;
        var at = 1;
        foreach (var hash in _exact)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), hash);
            at += 8;
        }
        return bytes;
    }

    /// <summary>Reads what <see cref="Write"/> wrote; empty or unknown bytes read as no senders.</summary>
    public static DistinctSenders Read(byte[] bytes)
    {
        var senders = new DistinctSenders();
        if (bytes.Length == 1 + Registers && bytes[0] == SketchFormat)
        {
            senders._exact = null;
            senders._registers = bytes[1..];
        }
        else if (bytes.Length > 0 && bytes[0] == ExactFormat)
        {
            for (var at = 1; at + 8 <= bytes.Length; at += 8) senders.AddHash(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)));
        }
        return senders;
    }

    private void AddHash(ulong hash)
    {
        if (_exact is { } exact)
        {
            exact.Add(hash);
            if (exact.Count <= ExactLimit) return;
            ToSketch();
            return;
        }
        Observe(_registers!, hash);
    }

    private byte[] ToSketch()
    {
        if (_registers is { } existing) return existing;
        var registers = new byte[Registers];
        foreach (var hash in _exact!) Observe(registers, hash);
        _exact = null;
        _registers = registers;
        return registers;
    }

    private static void Observe(byte[] registers, ulong hash)
    {
        var index = (int)(hash >> (64 - IndexBits));
        // The position of the first 1 among the remaining bits; a sentinel bit bounds it when they are all 0.
        var rest = (hash << IndexBits) | (1UL << (IndexBits - 1));
        var rank = (byte)(BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > registers[index]) registers[index] = rank;
    }

    private static long Estimate(byte[] registers)
    {
        const double alpha = 0.7213 / (1 + 1.079 / Registers);
        double sum = 0;
        var empty = 0;
        foreach (var register in registers)
        {
            sum += Math.ScaleB(1, -register);
            if (register == 0) empty++;
        }
        var raw = alpha * Registers * Registers / sum;
        // Few senders for this many registers: linear counting is the better estimate there.
        if (raw <= 2.5 * Registers && empty > 0) raw = Registers * Math.Log((double)Registers / empty);
        return (long)Math.Round(raw);
    }
}
