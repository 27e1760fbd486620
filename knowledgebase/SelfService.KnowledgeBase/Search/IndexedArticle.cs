namespace SelfService.KnowledgeBase.Search;

/// <summary>A published article with its text already reduced to terms, as the confidence score needs them.</summary>
internal sealed class IndexedArticle
{
    private IndexedArticle(
        PublishedArticle article, IReadOnlyList<string[]> phrasings, HashSet<string> matchTerms, HashSet<string> topicTerms, HashSet<string> answerTerms)
    {
        Article = article;
        Phrasings = phrasings;
        MatchTerms = matchTerms;
        TopicTerms = topicTerms;
        AnswerTerms = answerTerms;
    }

    public PublishedArticle Article { get; }

    /// <summary>The distinct terms of each question variant and of the title: whole phrasings a question can echo.</summary>
    public IReadOnlyList<string[]> Phrasings { get; }

    /// <summary>Every term of the questions, keywords and title: what counts as the article "talking about" a word.</summary>
    public HashSet<string> MatchTerms { get; }

    /// <summary>
    /// The terms the article is about: its keywords and title, and words its editors repeated in two or more question
    /// variants. A word found in one variant only ("every <i>day</i>", "a <i>cheap</i> bundle") is incidental and
    /// weaker evidence, so "what day is it" does not find the paid-subscriptions article.
    /// </summary>
    public HashSet<string> TopicTerms { get; }

    /// <summary>Terms of the answers; a question word found only there is weak evidence.</summary>
    public HashSet<string> AnswerTerms { get; }

    public static IndexedArticle Create(PublishedArticle article, KnowledgeAnalyzer analyzer)
    {
        var content = article.Content;
        var questions = content.Questions
            .Select(text => analyzer.Terms(text).Distinct(StringComparer.Ordinal).ToArray())
            .Where(terms => terms.Length > 0)
            .ToList();
        var title = analyzer.Terms(content.Title).Distinct(StringComparer.Ordinal).ToArray();
        var phrasings = title.Length > 0 ? [.. questions, title] : questions;

        var topicTerms = new HashSet<string>(title, StringComparer.Ordinal);
        foreach (var keyword in content.Keywords)
        {
            topicTerms.UnionWith(analyzer.Terms(keyword));
        }

        topicTerms.UnionWith(questions.SelectMany(q => q).CountBy(t => t, StringComparer.Ordinal).Where(c => c.Value >= 2).Select(c => c.Key));
        var matchTerms = new HashSet<string>(questions.SelectMany(q => q), StringComparer.Ordinal);
        matchTerms.UnionWith(topicTerms);

        var answerTerms = new HashSet<string>(analyzer.Terms(content.ShortAnswer + "\n" + content.LongAnswer), StringComparer.Ordinal);
        return new IndexedArticle(article, phrasings, matchTerms, topicTerms, answerTerms);
    }
}
