namespace SelfService.Testing.Peers;

/// <summary>The SMSC peer could not start, died, or refused a command.</summary>
public sealed class NodeSmscException : Exception
{
    public NodeSmscException(string message) : base(message) { }

    public NodeSmscException(string message, Exception innerException) : base(message, innerException) { }

    public NodeSmscException() { }
}
