using System.Text;

namespace SelfService.Sip;

/// <summary>
/// The ";name=value" parameters of a URI or a header value, in their order. Names compare case-insensitively
/// (RFC 3261 7.3.1); a parameter without "=" has a null value.
/// </summary>
public sealed class SipParameters
{
    private readonly List<KeyValuePair<string, string?>> items = [];

    public int Count => items.Count;

    public IEnumerable<KeyValuePair<string, string?>> Items => items;

    public bool Contains(string name) => items.Exists(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of <paramref name="name"/>, "" for a parameter without a value, null when absent.</summary>
    public string? Get(string name)
    {
        foreach (var p in items)
            if (p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) return p.Value ?? "";
        return null;
    }

    public void Add(string name, string? value) => items.Add(new(name, value));

    public void Set(string name, string? value)
    {
        var i = items.FindIndex(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (i >= 0) items[i] = new(name, value);
        else items.Add(new(name, value));
    }

    public void Remove(string name) => items.RemoveAll(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase));

    public SipParameters Clone()
    {
        var copy = new SipParameters();
        copy.items.AddRange(items);
        return copy;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in items)
        {
            text.Append(';').Append(name);
            if (value is null) continue;
            text.Append('=');
            text.Append(value.Length > 0 && value.All(c => SipGrammar.IsTokenChar(c) || c is ':' or '[' or ']') ? value : SipGrammar.Quote(value));
        }
        return text.ToString();
    }
}
