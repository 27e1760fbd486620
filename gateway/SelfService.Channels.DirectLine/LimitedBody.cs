namespace SelfService.Channels.DirectLine;

/// <summary>Reads a body up to a limit without buffering more than the limit (chunked bodies have no Content-Length).</summary>
internal static class LimitedBody
{
    /// <summary>The bytes, or null when the body is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads to the end, counting; false as soon as more than <paramref name="limit"/> bytes came.</summary>
    public static async Task<(bool WithinLimit, long Length)> DrainAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit) return (false, total);
        }
        return (true, total);
    }
}
