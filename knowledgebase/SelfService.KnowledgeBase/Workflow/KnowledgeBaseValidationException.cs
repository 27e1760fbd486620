namespace SelfService.KnowledgeBase;

/// <summary>
/// The request was refused and nothing was changed: invalid content or a step the workflow does not allow.
/// <see cref="Errors"/> lists every problem found, each as a sentence an editor can act on.
/// </summary>
public class KnowledgeBaseValidationException : Exception
{
    public KnowledgeBaseValidationException()
        : this("The knowledge base request is not valid.")
    {
    }

    public KnowledgeBaseValidationException(string message)
        : base(message) => Errors = [message];

    public KnowledgeBaseValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public KnowledgeBaseValidationException(IEnumerable<string> errors)
        : this(errors.ToList())
    {
    }

    private KnowledgeBaseValidationException(List<string> errors)
        : base(string.Join(" ", errors)) => Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
