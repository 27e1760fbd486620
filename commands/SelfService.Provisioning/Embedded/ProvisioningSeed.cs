using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using SelfService.Storage.Provisioning;

namespace SelfService.Provisioning.Embedded;

/// <summary>
/// Loads the sample operator (<c>services.json</c> and <c>subscribers.json</c> from a samples folder)
/// into an empty embedded store, so a fresh gateway has subscribers to talk to.
/// </summary>
public sealed class ProvisioningSeed
{
    public const string ServicesFileName = "services.json";
    public const string SubscribersFileName = "subscribers.json";

    private readonly IProvisioningStore _store;

    public ProvisioningSeed(IProvisioningStore store)
    {
        _store = store;
    }

    /// <summary>
    /// Seeds the store from <paramref name="samplesPath"/> unless it already has services; returns
    /// whether it did. Seeding twice, or from two hosts at once, never duplicates anything.
    /// </summary>
    /// <exception cref="FileNotFoundException">A seed file is missing.</exception>
    /// <exception cref="InvalidDataException">A seed file is malformed or inconsistent.</exception>
    public async Task<bool> SeedAsync(string samplesPath, CancellationToken cancellationToken) =>
        await SeedAsync(samplesPath, new EmbeddedProvisioningOptions(), cancellationToken);

    /// <inheritdoc cref="SeedAsync(string, CancellationToken)"/>
    /// <param name="synthetic">How many synthetic subscribers to add, for benchmarks.</param>
    public async Task<bool> SeedAsync(string samplesPath, EmbeddedProvisioningOptions synthetic, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(samplesPath);
        if ((await _store.ServicesAsync(cancellationToken)).Count > 0)
        {
            return false;
        }

        var services = await ReadAsync<List<ServiceOffer>>(Path.Combine(samplesPath, ServicesFileName), cancellationToken);
        var subscribers = await ReadAsync<List<SubscriberSeed>>(Path.Combine(samplesPath, SubscribersFileName), cancellationToken);
        var serviceRecords = services.Select(DocumentMapper.ToStored).ToList();
        var subscriberRecords = ToRecords(subscribers, serviceRecords.Select(s => s.Code).ToHashSet(StringComparer.Ordinal));
        if (synthetic.SyntheticSubscribers > 0 && subscriberRecords.Count > 0)
            subscriberRecords.AddRange(Synthetic(subscriberRecords[0], synthetic.SyntheticPrefix, synthetic.SyntheticSubscribers));

        // The store checks again in the same step: another host may have seeded while we read the files.
        return await _store.SeedAsync(serviceRecords, subscriberRecords, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The provisioning seed file {path} does not exist.", path);
        }

        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, ProvisioningJson.Options, cancellationToken)
                ?? throw new InvalidDataException($"The provisioning seed file {path} is empty (null).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The provisioning seed file {path} is malformed: {ex.Message}", ex);
        }
    }

    private static IEnumerable<ProvisionedSubscriber> Synthetic(ProvisionedSubscriber model, string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new ProvisionedSubscriber
        {
            Msisdn = Msisdn.Normalize(prefix + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)),
            Name = "Subscriber " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Language = model.Language,
            Balance = model.Balance,
            Currency = model.Currency,
            TariffCode = model.TariffCode,
            TariffNames = new Dictionary<string, string>(model.TariffNames),
            Services = [],
        });

    private static List<ProvisionedSubscriber> ToRecords(List<SubscriberSeed> seeds, HashSet<string> serviceCodes)
    {
        // PBKDF2 is slow by design; hashing the PINs side by side keeps start-up quick.
        var pins = new PinHash?[seeds.Count];
        Parallel.For(0, seeds.Count, i => pins[i] = string.IsNullOrEmpty(seeds[i].Pin) ? null : PinHasher.Hash(seeds[i].Pin!));

        var documents = new List<ProvisionedSubscriber>(seeds.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var msisdn = Msisdn.Normalize(seed.Msisdn);
            if (!seen.Add(msisdn))
            {
                throw new InvalidDataException($"The provisioning seed lists subscriber {msisdn} twice.");
            }

            var unknown = seed.Services.FirstOrDefault(s => !serviceCodes.Contains(s.Code.Trim().ToUpperInvariant()));
            if (unknown is not null)
            {
                throw new InvalidDataException($"Subscriber {msisdn} in the provisioning seed has service {unknown.Code}, which {ServicesFileName} does not list.");
            }

            documents.Add(new ProvisionedSubscriber
            {
                Msisdn = msisdn,
                Name = seed.Name,
                Language = seed.Language,
                Balance = seed.Balance,
                Currency = seed.Currency,
                TariffCode = seed.TariffCode,
                TariffNames = new Dictionary<string, string>(seed.TariffNames),
                Services = [.. seed.Services.Select(s => new SubscribedServiceState
                {
                    Code = s.Code.Trim().ToUpperInvariant(),
                    State = s.State.ToString(),
                    Since = s.Since.ToUniversalTime(),
                })],
                Pin = pins[i],
            });
        }

        return documents;
    }
}
