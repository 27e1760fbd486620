namespace SelfService.Sip;

/// <summary>The header lines of a message in their order. Names are matched case-insensitively and in their long form.</summary>
public sealed class SipHeaderCollection
{
    private readonly List<SipHeader> lines = [];

    public IReadOnlyList<SipHeader> Lines => lines;

    public int Count => lines.Count;

    public void Add(string name, string value) => lines.Add(new SipHeader(SipHeaderNames.Normalize(name), value));

    /// <summary>Replaces every line of <paramref name="name"/> with one line, at the place of the first.</summary>
    public void Set(string name, string value)
    {
        name = SipHeaderNames.Normalize(name);
        var at = lines.FindIndex(h => Matches(h, name));
        lines.RemoveAll(h => Matches(h, name));
        if (at < 0 || at > lines.Count) lines.Add(new SipHeader(name, value));
        else lines.Insert(at, new SipHeader(name, value));
    }

    public void Remove(string name)
    {
        name = SipHeaderNames.Normalize(name);
        lines.RemoveAll(h => Matches(h, name));
    }

    public bool Contains(string name)
    {
        name = SipHeaderNames.Normalize(name);
        return lines.Exists(h => Matches(h, name));
    }

    /// <summary>The value of the first line of <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        name = SipHeaderNames.Normalize(name);
        return lines.Find(h => Matches(h, name))?.Value;
    }

    /// <summary>
    /// Every value of <paramref name="name"/>: for a list header each comma-separated value of each line, in order;
    /// for any other header each line.
    /// </summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        name = SipHeaderNames.Normalize(name);
        var values = new List<string>();
        foreach (var line in lines)
        {
            if (!Matches(line, name)) continue;
            if (SipHeaderNames.IsList(name)) values.AddRange(SipGrammar.SplitCommas(line.Value));
            else values.Add(line.Value);
        }
        return values;
    }

    internal void AddParsed(SipHeader header) => lines.Add(header);

    internal void InsertFirst(string name, string value) => lines.Insert(0, new SipHeader(SipHeaderNames.Normalize(name), value));

    private static bool Matches(SipHeader header, string name) => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase);
}
