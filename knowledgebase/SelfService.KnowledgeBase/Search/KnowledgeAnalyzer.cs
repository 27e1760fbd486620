using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace SelfService.KnowledgeBase.Search;

/// <summary>
/// One analyzer for articles and questions of a language, so both sides reduce to the same terms:
/// ё→е, standard tokenizing, lower case, stop and filler words removed, one-letter tokens dropped,
/// stemming (Snowball Russian, as Lucene's RussianAnalyzer; Porter for English, as EnglishAnalyzer),
/// then synonyms mapped to one canonical stem.
/// </summary>
internal sealed partial class KnowledgeAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The one term every negation becomes; not a word, so no real word can collide with it.</summary>
    public const string NegationTerm = "_not_";

    private readonly SearchLexicon _lexicon;
    private readonly CharArraySet _stopWords;
    private readonly NormalizeCharMap _characterMap;
    private readonly IReadOnlyDictionary<string, string> _synonyms;

    private KnowledgeAnalyzer(SearchLexicon lexicon, IReadOnlyDictionary<string, string> synonyms)
    {
        _lexicon = lexicon;
        var defaults = lexicon.Language == ArticleLanguages.Russian ? RussianAnalyzer.DefaultStopSet : EnglishAnalyzer.DefaultStopSet;
        _stopWords = new CharArraySet(Version, defaults.Count + lexicon.FillerWords.Count, ignoreCase: true);
        _stopWords.UnionWith(defaults.Concat(lexicon.FillerWords).Where(word => !lexicon.Negations.Contains(word, StringComparer.OrdinalIgnoreCase)));

        var builder = new NormalizeCharMap.Builder();
        foreach (var mapping in lexicon.CharacterMappings)
        {
            builder.Add(mapping.Key, mapping.Value);
        }

        _characterMap = builder.Build();
        _synonyms = synonyms;
    }

    public string Language => _lexicon.Language;

    public bool MatchWordFamilies => _lexicon.MatchWordFamilies;

    public static KnowledgeAnalyzer Create(SearchLexicon lexicon)
    {
        // Synonyms are written as words but applied to stems, so stem them with the same chain first.
        using var stemming = new KnowledgeAnalyzer(lexicon, new Dictionary<string, string>());
        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var negation in lexicon.Negations)
        {
            foreach (var stem in stemming.Terms(negation))
            {
                synonyms.TryAdd(stem, NegationTerm);
            }
        }

        foreach (var group in lexicon.SynonymGroups)
        {
            var canonical = stemming.SingleTerm(group[0]) ?? group[0];
            foreach (var word in group)
            {
                foreach (var stem in stemming.Terms(word))
                {
                    if (stem != canonical)
                    {
                        synonyms.TryAdd(stem, canonical);
                    }
                }
            }
        }

        return new KnowledgeAnalyzer(lexicon, synonyms);
    }

    /// <summary>The terms of a text, in order, duplicates kept.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new PatternReplaceCharFilter(
            NegativeAmountPattern(),
            "$1" + _lexicon.MinusWord + " $2",
            new PatternReplaceCharFilter(UnitPattern(), "$1 $2", new MappingCharFilter(_characterMap, reader)));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = tokenizer;
        if (_lexicon.Language == ArticleLanguages.English)
        {
            stream = new EnglishPossessiveFilter(Version, stream);
        }

        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, _stopWords);
        stream = new LengthFilter(Version, stream, 2, 64);
        stream = _lexicon.Language == ArticleLanguages.Russian
            ? new SnowballFilter(stream, new RussianStemmer())
            : new PorterStemFilter(stream);
        if (_synonyms.Count > 0)
        {
            stream = new TermMappingFilter(stream, _synonyms);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>"10gb", "500мб" → "10 gb", "500 мб", so they match articles that write the number and unit apart.</summary>
    [GeneratedRegex(@"(\d+)(gb|mb|гб|мб|гиг|gig)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();

    /// <summary>A minus sign (or dash) directly before a number, at the start or after a space: "-85", "−120".</summary>
    [GeneratedRegex(@"(^|\s)[-−–](\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeAmountPattern();

    private string? SingleTerm(string word)
    {
        var terms = Terms(word);
        return terms.Count == 1 ? terms[0] : null;
    }
}
