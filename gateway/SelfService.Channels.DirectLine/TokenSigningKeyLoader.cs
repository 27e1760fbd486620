using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// Resolves the token signing key when the host starts, before the server takes requests: the store is async, and a
/// service factory cannot wait for it.
/// </summary>
internal sealed class TokenSigningKeyLoader(IOptions<DirectLineOptions> options, ISigningKeyStore keys) : IHostedService
{
    private byte[]? _key;

    /// <summary>The key; asked for before the host started, it is a bug in the order of things, said plainly.</summary>
    public byte[] Key => Volatile.Read(ref _key) ?? throw new InvalidOperationException("The Direct Line token signing key is read before the host started.");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        Volatile.Write(ref _key, await TokenSigningKeys.ResolveAsync(options.Value, keys, cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
