namespace SelfService.Storage.Channels;

/// <summary>Keys the gateway made for itself (the Direct Line token signing key), kept so what they signed survives a restart.</summary>
public interface ISigningKeyStore
{
    /// <summary>The key stored under <paramref name="name"/>; when there is none, stores <paramref name="candidate"/> and
    /// returns it. Atomic: gateways starting at once all get the same key.</summary>
    Task<byte[]> GetOrAddAsync(string name, byte[] candidate, CancellationToken cancellationToken);
}
