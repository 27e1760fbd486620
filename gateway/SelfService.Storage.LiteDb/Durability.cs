namespace SelfService.Storage.LiteDb;

/// <summary>What a completed commit has survived.</summary>
public enum Durability
{
    /// <summary>
    /// The commit's pages were written to the operating system before the caller hears of it: the gateway process can be
    /// killed at any moment without losing it, but a power cut or kernel crash may lose the last commits.
    /// </summary>
    WrittenToOs,

    /// <summary>The file is also flushed to the disk (fsync) after each group commit: survives a power cut, costs a disk flush per batch.</summary>
    Fsync,
}
