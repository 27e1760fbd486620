using SelfService.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfService.Provisioning.Embedded;
using static SelfService.Provisioning.Tests.SampleOperator;

namespace SelfService.Provisioning.Tests.Embedded;

public sealed class ProvisioningSeedTests
{
    private LiteStorage _storage = null!;
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _storage = SeededStore.InMemory();
        _folder = Directory.CreateTempSubdirectory("selfservice-seed-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        _storage.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task SeedAsync_EmptyStore_SeedsSampleOperatorAndReturnsTrue()
    {
        var seeded = await new ProvisioningSeed(_storage.Provisioning).SeedAsync(SampleOperator.Folder, CancellationToken.None);

        Assert.That(seeded, Is.True);
        Assert.That(_storage.Database.GetCollection("prov_services").Count(), Is.EqualTo(7));
        Assert.That(_storage.Database.GetCollection("prov_subscribers").Count(), Is.EqualTo(5));
    }

    [Test]
    public async Task SeedAsync_Twice_DoesNotDuplicateAndReturnsFalse()
    {
        var seed = new ProvisioningSeed(_storage.Provisioning);
        await seed.SeedAsync(SampleOperator.Folder, CancellationToken.None);

        var again = await seed.SeedAsync(SampleOperator.Folder, CancellationToken.None);

        Assert.That(again, Is.False);
        Assert.That(_storage.Database.GetCollection("prov_services").Count(), Is.EqualTo(7));
        Assert.That(_storage.Database.GetCollection("prov_subscribers").Count(), Is.EqualTo(5));
    }

    [Test]
    public async Task SeedAsync_StoreChangedSinceFirstSeed_KeepsTheChanges()
    {
        var seed = new ProvisioningSeed(_storage.Provisioning);
        await seed.SeedAsync(SampleOperator.Folder, CancellationToken.None);
        var backend = new EmbeddedProvisioningBackend(_storage.Provisioning, TimeProvider.System);
        await backend.ChangeServiceAsync(new ServiceChangeRequest("r1", Ivan, "SMSPACK", ServiceChange.Activate, "sms"), CancellationToken.None);

        await seed.SeedAsync(SampleOperator.Folder, CancellationToken.None);

        Assert.That((await backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
    }

    [Test]
    public async Task SeedAsync_ConcurrentSeeds_SeedOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => new ProvisioningSeed(_storage.Provisioning).SeedAsync(SampleOperator.Folder, CancellationToken.None))));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
        Assert.That(_storage.Database.GetCollection("prov_subscribers").Count(), Is.EqualTo(5));
    }

    [Test]
    public void SeedAsync_MissingFiles_ThrowsFileNotFound()
    {
        Assert.That(() => new ProvisioningSeed(_storage.Provisioning).SeedAsync(_folder, CancellationToken.None),
            Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("services.json"));
    }

    [Test]
    public void SeedAsync_SubscriberWithServiceNotInCatalogue_ThrowsInvalidData()
    {
        File.WriteAllText(Path.Combine(_folder, "services.json"), "[]");
        File.WriteAllText(Path.Combine(_folder, "subscribers.json"), """
            [{ "msisdn": "+79161234567", "name": "X", "language": "ru", "balance": 1, "currency": "RUB",
               "tariffCode": "T", "tariffNames": {}, "services": [{ "code": "ROAMING", "state": "active", "since": "2025-01-01T00:00:00Z" }], "pin": null }]
            """);

        Assert.That(() => new ProvisioningSeed(_storage.Provisioning).SeedAsync(_folder, CancellationToken.None),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("ROAMING"));
        Assert.That(_storage.Database.GetCollection("prov_subscribers").Count(), Is.Zero);
    }

    [Test]
    public void SeedAsync_MalformedJson_ThrowsInvalidDataNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_folder, "services.json"), "[{ \"code\": ");
        File.WriteAllText(Path.Combine(_folder, "subscribers.json"), "[]");

        Assert.That(() => new ProvisioningSeed(_storage.Provisioning).SeedAsync(_folder, CancellationToken.None),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("services.json"));
    }

    // Other projects' tests rely on these exact values; this test keeps the file honest.
    [TestCase(Ivan, "Иван Петров", "ru", "350.00", "SMART", "Смарт", "INTERNET", "1234")]
    [TestCase(Anna, "Анна Смирнова", "ru", "5.00", "BASIC", "Базовый", null, "4321")]
    [TestCase(John, "John Smith", "en", "120.00", "SMART", "Смарт", "VOICEMAIL", "1111")]
    [TestCase(Olga, "Ольга Кузнецова", "ru", "1000.00", "PREMIUM", "Премиум", "ROAMING", "2468")]
    [TestCase(Tester, "Test Subscriber", "en", "50.00", "BASIC", "Базовый", null, "0000")]
    public async Task SeedAsync_SampleOperator_HasTheAgreedSubscribers(
        string msisdn, string name, string language, string balance, string tariff, string tariffRu, string? activeService, string pin)
    {
        await new ProvisioningSeed(_storage.Provisioning).SeedAsync(SampleOperator.Folder, CancellationToken.None);
        var backend = new EmbeddedProvisioningBackend(_storage.Provisioning, TimeProvider.System);

        var account = await backend.FindSubscriberAsync(msisdn, CancellationToken.None);

        Assert.That(account, Is.Not.Null);
        Assert.That(account!.Name, Is.EqualTo(name));
        Assert.That(account.Language, Is.EqualTo(language));
        Assert.That(account.Balance, Is.EqualTo(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(account.Currency, Is.EqualTo("RUB"));
        Assert.That(account.TariffCode, Is.EqualTo(tariff));
        Assert.That(account.TariffNames["ru"], Is.EqualTo(tariffRu));
        Assert.That(account.Services.Where(s => s.State == ServiceState.Active).Select(s => s.Code),
            Is.EqualTo(activeService is null ? Array.Empty<string>() : new[] { activeService }));
        Assert.That(await backend.VerifyPinAsync(msisdn, pin, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task AddEmbeddedProvisioning_HostStarts_SeedsAndResolvesBackend()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(_storage.Provisioning);
        builder.Services.AddEmbeddedProvisioning(o => o.SamplesPath = SampleOperator.Folder);
        using var host = builder.Build();

        await host.StartAsync();
        var backend = host.Services.GetRequiredService<IProvisioningBackend>();
        var account = await backend.FindSubscriberAsync(Ivan, CancellationToken.None);
        await host.StopAsync();

        Assert.That(backend, Is.SameAs(host.Services.GetRequiredService<EmbeddedProvisioningBackend>()));
        Assert.That(account?.Name, Is.EqualTo("Иван Петров"));
    }
}
