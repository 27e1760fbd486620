using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SelfService.KnowledgeBase.Search;

/// <summary>Replaces stemmed terms by their synonym group's canonical stem.</summary>
internal sealed class TermMappingFilter : TokenFilter
{
    private readonly IReadOnlyDictionary<string, string> _map;
    private readonly ICharTermAttribute _term;

    public TermMappingFilter(TokenStream input, IReadOnlyDictionary<string, string> map)
        : base(input)
    {
        _map = map;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_map.TryGetValue(_term.ToString(), out var canonical))
        {
            _term.SetEmpty().Append(canonical);
        }

        return true;
    }
}
