namespace SelfService.ActionCodes;

/// <summary>The action catalogue file cannot be read or says something contradictory; the message tells the operator what to fix.</summary>
public sealed class ActionCatalogueException : Exception
{
    public ActionCatalogueException()
    {
    }

    public ActionCatalogueException(string message)
        : base(message)
    {
    }

    public ActionCatalogueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
