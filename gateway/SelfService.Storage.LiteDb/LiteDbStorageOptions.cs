namespace SelfService.Storage.LiteDb;

/// <summary>Bound from the "Storage" configuration section.</summary>
public sealed class LiteDbStorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file that holds everything; relative paths are relative to the host's content root.</summary>
    public string DatabaseFile { get; set; } = "data/selfservice.db";

    public Durability Durability { get; set; } = Durability.WrittenToOs;

    /// <summary>Most writes one group commit takes; under load batches form by themselves up to this size.</summary>
    public int MaxBatch { get; set; } = 512;

    /// <summary>Writes waiting for the writer before callers wait to queue more: a store that cannot keep up slows its callers down
    /// instead of growing the heap.</summary>
    public int QueueCapacity { get; set; } = 8192;
}
