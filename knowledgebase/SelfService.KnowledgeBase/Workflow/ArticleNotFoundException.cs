namespace SelfService.KnowledgeBase;

/// <summary>No article has the given id; kept apart from validation errors so a host can answer 404 rather than 400.</summary>
public class ArticleNotFoundException : Exception
{
    public ArticleNotFoundException()
        : base("The article does not exist.")
    {
    }

    public ArticleNotFoundException(string articleId)
        : base($"Article '{articleId}' does not exist.") => ArticleId = articleId;

    public ArticleNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? ArticleId { get; }
}
