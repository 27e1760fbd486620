namespace SelfService.Storage.Contract;

/// <summary>One engine's storage over one database, as the contract tests drive it.</summary>
public interface IStorageUnderTest : IAsyncDisposable
{
    /// <summary>The stores, as the gateway's host registers them.</summary>
    IGatewayStorage Storage { get; }

    /// <summary>
    /// The engine's containers (collections, tables) as they are now. An engine creates them all when it opens, never while
    /// readers may be looking for them: the contract checks after every test that none appeared.
    /// </summary>
    IReadOnlyCollection<string> Containers();
}

/// <summary>Opens an engine's stores on a database of their own; reopening the same database is what a restarted gateway does.</summary>
public interface IStorageEngine : IAsyncDisposable
{
    /// <summary>The stores over this engine's database, opened (again, after the last was disposed).</summary>
    Task<IStorageUnderTest> OpenAsync();
}
