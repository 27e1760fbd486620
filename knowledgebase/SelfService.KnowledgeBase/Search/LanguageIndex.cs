using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace SelfService.KnowledgeBase.Search;

/// <summary>
/// The published articles of one language: a Lucene index (BM25) that finds candidates, and the
/// <see cref="CorpusSnapshot"/> the confidence score is computed from. Searches share a read lock; an update takes the
/// write lock, so no search runs on a reader while it is being replaced.
/// </summary>
internal sealed class LanguageIndex : IDisposable
{
    private const string IdField = "id";
    private const string QuestionField = "question";
    private const string KeywordField = "keyword";
    private const string TitleField = "title";
    private const string AnswerField = "answer";

    /// <summary>Customers' phrasings are the best evidence; answers only weakly say what an article is about.</summary>
    private static readonly (string Field, float Boost)[] FieldBoosts =
        [(QuestionField, 3f), (KeywordField, 2f), (TitleField, 1.5f), (AnswerField, 0.3f)];

    /// <summary>
    /// How many BM25 hits get a confidence. The score depends on the question's words, which BM25 also ranks on, so the
    /// article with the best confidence is practically always among the first few dozen hits.
    /// </summary>
    private const int CandidateCount = 50;

    /// <summary>Bounds the Boolean query (Lucene allows 1024 clauses) when a short stem has many word-family relatives.</summary>
    private const int MaxExpansionsPerTerm = 12;

    private readonly KnowledgeAnalyzer _analyzer;
    private readonly ScoringParameters _parameters;
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private DirectoryReader _reader;
    private IndexSearcher _searcher;
    private CorpusSnapshot _corpus = CorpusSnapshot.Empty;

    public LanguageIndex(KnowledgeAnalyzer analyzer, ScoringParameters? parameters = null)
    {
        _analyzer = analyzer;
        _parameters = parameters ?? ScoringParameters.Default;
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };
        _writer = new IndexWriter(_directory, config);
        _writer.Commit();
        _reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        _searcher = NewSearcher(_reader);
    }

    public int Count => _corpus.Articles.Count;

    /// <summary>The published article with this id, or null. The snapshot is replaced whole on each change, so no lock is needed.</summary>
    public PublishedArticle? Find(string articleId) => _corpus.Articles.TryGetValue(articleId, out var indexed) ? indexed.Article : null;

    public void Upsert(PublishedArticle article)
    {
        var indexed = IndexedArticle.Create(article, _analyzer);
        _lock.EnterWriteLock();
        try
        {
            // Notifications may arrive out of order (start-up load racing a publication); never go back a version.
            if (_corpus.Articles.TryGetValue(article.Id, out var existing) && existing.Article.Version > article.Version)
            {
                return;
            }

            _writer.UpdateDocument(new Term(IdField, article.Id), ToDocument(article));
            _corpus = _corpus.With(indexed);
            Refresh();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(string articleId)
    {
        _lock.EnterWriteLock();
        try
        {
            _writer.DeleteDocuments(new Term(IdField, articleId));
            _corpus = _corpus.Without(articleId);
            Refresh();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best articles for a question, best first, with their confidence; articles with no evidence at all are left out.</summary>
    public List<(IndexedArticle Article, double Confidence)> Search(string question, int limit)
    {
        var terms = _analyzer.Terms(question);
        if (terms.Count == 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            var corpus = _corpus;
            if (corpus.Articles.Count == 0)
            {
                return [];
            }

            var query = ConfidenceScorer.Expand(terms, corpus, _analyzer.MatchWordFamilies, _parameters);
            var luceneQuery = ToLuceneQuery(query);
            if (luceneQuery.Clauses.Count == 0)
            {
                return [];
            }

            var hits = _searcher.Search(luceneQuery, CandidateCount).ScoreDocs;
            var best = hits.Length == 0 ? 1f : Math.Max(hits.Max(h => h.Score), float.Epsilon);
            var ranked = new List<(IndexedArticle Article, double Confidence, double Rank)>();
            foreach (var hit in hits)
            {
                var id = _searcher.Doc(hit.Doc).Get(IdField);
                if (id is null || !corpus.Articles.TryGetValue(id, out var article))
                {
                    continue;
                }

                var measures = ConfidenceScorer.Measure(query, article, corpus, _parameters);
                var confidence = measures.Confidence(_parameters);
                if (confidence > 0)
                {
                    ranked.Add((article, confidence, measures.Rank(_parameters) + (_parameters.LuceneRankShare * hit.Score / best)));
                }
            }

            return ranked
                .OrderByDescending(r => r.Rank)
                .ThenBy(r => r.Article.Article.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(r => (r.Article, r.Confidence))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _lock.Dispose();
    }

    private static IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };

    private static Document ToDocument(PublishedArticle article)
    {
        var document = new Document { new StringField(IdField, article.Id, Field.Store.YES) };
        foreach (var question in article.Content.Questions)
        {
            document.Add(new TextField(QuestionField, question, Field.Store.NO));
        }

        foreach (var keyword in article.Content.Keywords)
        {
            document.Add(new TextField(KeywordField, keyword, Field.Store.NO));
        }

        document.Add(new TextField(TitleField, article.Content.Title, Field.Store.NO));
        document.Add(new TextField(AnswerField, article.Content.ShortAnswer, Field.Store.NO));
        document.Add(new TextField(AnswerField, article.Content.LongAnswer, Field.Store.NO));
        return document;
    }

    /// <summary>The question's terms, already analyzed and expanded, as boosted term queries over every field.</summary>
    private static BooleanQuery ToLuceneQuery(IReadOnlyList<QueryTerm> query)
    {
        var boolean = new BooleanQuery();
        foreach (var term in query)
        {
            var expansions = term.Expansions.Count > 0 ? term.Expansions.Take(MaxExpansionsPerTerm) : [new TermExpansion(term.Text, 1)];
            foreach (var expansion in expansions)
            {
                foreach (var (field, boost) in FieldBoosts)
                {
                    boolean.Add(new TermQuery(new Term(field, expansion.Term)) { Boost = boost * (float)expansion.Degree }, Occur.SHOULD);
                }
            }
        }

        return boolean;
    }

    private void Refresh()
    {
        var newer = DirectoryReader.OpenIfChanged(_reader, _writer, applyAllDeletes: true);
        if (newer is null)
        {
            return;
        }

        _reader.Dispose();
        _reader = newer;
        _searcher = NewSearcher(newer);
    }
}
