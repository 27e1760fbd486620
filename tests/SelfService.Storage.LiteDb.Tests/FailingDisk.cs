namespace SelfService.Storage.LiteDb.Tests;

/// <summary>
/// A file whose writes can be made to fail as a full disk or a file turned read-only fails them: the engine above it is
/// the real one, only the disk misbehaves.
/// </summary>
internal sealed class FailingDisk(string path) : Stream
{
    private readonly FileStream _file = new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);

    /// <summary>While set, every write and flush throws this error, as the OS reports it.</summary>
    public string? Failure { get; set; }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        FailIfFailing();
        _file.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        FailIfFailing();
        _file.Write(buffer, offset, count);
    }

    public override void Flush()
    {
        FailIfFailing();
        _file.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }

    private void FailIfFailing()
    {
        if (Failure is { } failure) throw new IOException(failure);
    }
}
