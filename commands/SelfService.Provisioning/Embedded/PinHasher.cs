using System.Security.Cryptography;
using System.Text;
using SelfService.Storage.Provisioning;

namespace SelfService.Provisioning.Embedded;

/// <summary>Salted PBKDF2 hashes for subscriber PINs, compared in constant time.</summary>
internal static class PinHasher
{
    private const string Algorithm = "PBKDF2-SHA256";

    // A 4-digit PIN has only 10,000 values, so the hash mostly keeps a leaked database from
    // showing PINs at a glance; the iteration count keeps a brute force from being free.
    private const int Iterations = 100_000;
    private const int SaltSize = 16;
    private const int HashSize = 32;

    public static PinHash Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return new PinHash
        {
            Algorithm = Algorithm,
            Iterations = Iterations,
            Salt = salt,
            Hash = Derive(pin, salt, Iterations, HashSize),
        };
    }

    public static bool Verify(string pin, PinHash? stored)
    {
        if (stored is null || stored.Algorithm != Algorithm || stored.Hash.Length == 0)
        {
            return false;
        }

        var candidate = Derive(pin, stored.Salt, stored.Iterations, stored.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(candidate, stored.Hash);
    }

    private static byte[] Derive(string pin, byte[] salt, int iterations, int size) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, size);
}
