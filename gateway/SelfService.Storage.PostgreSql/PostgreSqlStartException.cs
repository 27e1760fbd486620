namespace SelfService.Storage.PostgreSql;

/// <summary>
/// The store cannot be opened: the connection string is not one, the server cannot be reached or refuses the login, or the
/// database's schema is newer than this gateway. The message says which, in words an operator can act on.
/// </summary>
public sealed class PostgreSqlStartException : Exception
{
    public PostgreSqlStartException(string message) : base(message)
    {
    }

    public PostgreSqlStartException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
