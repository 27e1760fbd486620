using System.Collections;
using System.Runtime.CompilerServices;

namespace SelfService.Smpp;

/// <summary>The optional parameters of a PDU, in wire order. Immutable; equal when the same TLVs appear in the same order.</summary>
/// <remarks>Build one with a collection expression: <c>Tlvs = [Tlv.FromByte(TlvTag.UssdServiceOp, 1)]</c>.</remarks>
[CollectionBuilder(typeof(TlvList), nameof(Create))]
public sealed class TlvList : IReadOnlyList<Tlv>, IEquatable<TlvList>
{
    private readonly Tlv[] _items;

    public static TlvList Empty { get; } = new(Array.Empty<Tlv>());

    internal TlvList(Tlv[] items) => _items = items;

    public static TlvList Create(ReadOnlySpan<Tlv> items) => items.IsEmpty ? Empty : new TlvList(items.ToArray());

    public int Count => _items.Length;

    public Tlv this[int index] => _items[index];

    /// <summary>The first TLV with this tag, or null.</summary>
    public Tlv? Get(TlvTag tag)
    {
        foreach (var tlv in _items)
        {
            if (tlv.Tag == tag) return tlv;
        }
        return null;
    }

    public bool TryGet(TlvTag tag, out Tlv tlv)
    {
        foreach (var item in _items)
        {
            if (item.Tag == tag) { tlv = item; return true; }
        }
        tlv = default;
        return false;
    }

    public bool Contains(TlvTag tag) => TryGet(tag, out _);

    /// <summary>A list where this TLV replaces any with the same tag (or is appended).</summary>
    public TlvList Set(Tlv tlv)
    {
        var list = new List<Tlv>(_items.Length + 1);
        bool replaced = false;
        foreach (var item in _items)
        {
            if (item.Tag != tlv.Tag) list.Add(item);
            else if (!replaced) { list.Add(tlv); replaced = true; }
        }
        if (!replaced) list.Add(tlv);
        return new TlvList(list.ToArray());
    }

    /// <summary>A list without any TLV of this tag.</summary>
    public TlvList Remove(TlvTag tag)
    {
        if (!Contains(tag)) return this;
        var kept = Array.FindAll(_items, t => t.Tag != tag);
        return kept.Length == 0 ? Empty : new TlvList(kept);
    }

    internal ReadOnlySpan<Tlv> AsSpan() => _items;

    public IEnumerator<Tlv> GetEnumerator() => ((IEnumerable<Tlv>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(TlvList? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return _items.AsSpan().SequenceEqual(other._items);
    }

    public override bool Equals(object? obj) => obj is TlvList other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    public override string ToString() => _items.Length == 0 ? "[]" : "[" + string.Join(", ", _items) + "]";
}
