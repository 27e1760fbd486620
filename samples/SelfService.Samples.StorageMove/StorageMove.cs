using SelfService.Storage;

namespace SelfService.Samples.StorageMove;

/// <summary>Moves every record from one engine to another, a page at a time, each page one commit on the other side.</summary>
public static class StorageMove
{
    public const int PageSize = 500;

    /// <summary>Returns how many records of each kind were carried (an import run again carries them again, and adds nothing).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> RunAsync(IStorageExport from, IStorageImport to, CancellationToken cancellationToken)
    {
        var carried = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var page in from.ExportAsync(PageSize, cancellationToken))
        {
            await to.ImportAsync(page, cancellationToken);
            foreach (var (kind, count) in page.Counts()) carried[kind] = carried.GetValueOrDefault(kind) + count;
        }
        return carried;
    }
}
