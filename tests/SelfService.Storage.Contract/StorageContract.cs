namespace SelfService.Storage.Contract;

/// <summary>
/// The base of every contract fixture: a fresh database per test, opened through the engine the derived fixture names.
/// </summary>
public abstract class StorageContract
{
    protected static readonly CancellationToken None = CancellationToken.None;
    protected static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private IStorageEngine _engine = null!;

    private IStorageUnderTest _opened = null!;

    /// <summary>The stores of the database under test.</summary>
    protected IGatewayStorage Store => _opened.Storage;

    /// <summary>A new, empty database of the engine under test.</summary>
    protected abstract IStorageEngine CreateEngine();

    private IReadOnlyCollection<string> _containersAtOpen = [];

    [SetUp]
    public async Task OpenStoreAsync()
    {
        _engine = CreateEngine();
        _opened = await _engine.OpenAsync();
        _containersAtOpen = _opened.Containers();
    }

    [TearDown]
    public async Task CloseStoreAsync()
    {
        var created = _opened.Containers().Except(_containersAtOpen).ToList();
        await _opened.DisposeAsync();
        await _engine.DisposeAsync();
        Assert.That(created, Is.Empty, "created after open, where a concurrent reader could race their creation");
    }

    /// <summary>Closes the stores and opens the same database again, as a restarted gateway does.</summary>
    protected async Task ReopenAsync()
    {
        await _opened.DisposeAsync();
        _opened = await _engine.OpenAsync();
    }
}
