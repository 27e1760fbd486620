namespace SelfService.Storage.KnowledgeBase;

/// <summary>An article as stored at the moment a workflow step is decided: its row (null when there is none) and its versions, oldest first.</summary>
public sealed record ArticleRecord(StoredArticle? Article, IReadOnlyList<StoredArticleVersion> Versions)
{
    public StoredArticleVersion? Version(int number) => Versions.FirstOrDefault(v => v.Number == number);
}
