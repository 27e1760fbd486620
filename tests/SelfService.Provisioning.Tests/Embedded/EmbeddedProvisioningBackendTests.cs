using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Provisioning.Embedded;
using SelfService.Storage.LiteDb;
using static SelfService.Provisioning.Tests.SampleOperator;

namespace SelfService.Provisioning.Tests.Embedded;

public sealed class EmbeddedProvisioningBackendTests
{
    private SeededStore _store = null!;

    private EmbeddedProvisioningBackend Backend => _store.Backend;

    [SetUp]
    public async Task SetUp() => _store = await SeededStore.CreateAsync();

    [TearDown]
    public void TearDown() => _store.Dispose();

    [Test]
    public async Task FindSubscriberAsync_KnownMsisdn_ReturnsSeededAccount()
    {
        var account = await Backend.FindSubscriberAsync(Ivan, CancellationToken.None);

        Assert.That(account, Is.Not.Null);
        Assert.That(account!.Name, Is.EqualTo("Иван Петров"));
        Assert.That(account.Language, Is.EqualTo("ru"));
        Assert.That(account.Balance, Is.EqualTo(350.00m));
        Assert.That(account.Currency, Is.EqualTo("RUB"));
        Assert.That(account.TariffCode, Is.EqualTo("SMART"));
        Assert.That(account.TariffNames["ru"], Is.EqualTo("Смарт"));
        Assert.That(account.Services, Is.EqualTo(new[]
        {
            new SubscribedService("INTERNET", ServiceState.Active, new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.FromHours(3))),
        }));
    }

    [TestCase("79161234567")]
    [TestCase("+7 916 123-45-67")]
    [TestCase("0079161234567")]
    public async Task FindSubscriberAsync_NumberNotInE164_FindsSameAccount(string typed)
    {
        var account = await Backend.FindSubscriberAsync(typed, CancellationToken.None);

        Assert.That(account?.Msisdn, Is.EqualTo(Ivan));
    }

    [Test]
    public async Task FindSubscriberAsync_UnknownMsisdn_ReturnsNull()
    {
        Assert.That(await Backend.FindSubscriberAsync(Stranger, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task GetServicesAsync_SeededStore_ReturnsCatalogueWithNamesAliasesAndFees()
    {
        var services = await Backend.GetServicesAsync(CancellationToken.None);

        Assert.That(services.Select(s => s.Code), Is.EquivalentTo(new[] { "ROAMING", "INTERNET", "VOICEMAIL", "CALLERID", "BLACKLIST", "SMSPACK", "RINGBACK" }));
        var smsPack = services.Single(s => s.Code == "SMSPACK");
        Assert.That(smsPack.Names["ru"], Is.EqualTo("Пакет 300 SMS"));
        Assert.That(smsPack.Names["en"], Is.Not.Empty);
        Assert.That(smsPack.Descriptions.Keys, Is.EquivalentTo(new[] { "ru", "en" }));
        Assert.That(smsPack.Aliases, Is.EqualTo(new[] { "СМСПАКЕТ", "SMS" }));
        Assert.That(smsPack.ActivationFee, Is.EqualTo(50m));
        Assert.That(smsPack.MonthlyFee, Is.EqualTo(150m));
        Assert.That(smsPack.Currency, Is.EqualTo("RUB"));
    }

    [Test]
    public async Task ChangeServiceAsync_ActivateServiceWithFee_ChargesFeeAndActivatesSinceNow()
    {
        var result = await Backend.ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 50m, 300m)));
        var account = await Backend.FindSubscriberAsync(Ivan, CancellationToken.None);
        Assert.That(account!.Balance, Is.EqualTo(300m));
        Assert.That(account.Services, Does.Contain(new SubscribedService("SMSPACK", ServiceState.Active, SeededStore.Start)));
    }

    [Test]
    public async Task ChangeServiceAsync_ServiceCodeInLowerCase_ActivatesCatalogueService()
    {
        var result = await Backend.ChangeServiceAsync(Activate("r1", Ivan, "smspack"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(ServiceChangeOutcome.Done));
    }

    [Test]
    public async Task ChangeServiceAsync_RepeatedRequestId_ReturnsFirstResultAndChargesOnce()
    {
        var first = await Backend.ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK"), CancellationToken.None);
        var repeat = await Backend.ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK"), CancellationToken.None);

        Assert.That(repeat, Is.EqualTo(first));
        Assert.That(repeat.Outcome, Is.EqualTo(ServiceChangeOutcome.Done), "a repeat is not 'already in state'");
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
        Assert.That((await Backend.GetAuditAsync(Ivan, CancellationToken.None)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChangeServiceAsync_NewRequestIdForActiveService_AlreadyInStateChargesNothing()
    {
        await Backend.ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK"), CancellationToken.None);

        var second = await Backend.ChangeServiceAsync(Activate("r2", Ivan, "SMSPACK"), CancellationToken.None);

        Assert.That(second, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.AlreadyInState, 0m, 300m)));
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
    }

    [Test]
    public async Task ChangeServiceAsync_ActivateSeededActiveService_AlreadyInStateKeepsSince()
    {
        var result = await Backend.ChangeServiceAsync(Activate("r1", Ivan, "INTERNET"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.AlreadyInState, 0m, 350m)));
        var internet = (await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Services.Single(s => s.Code == "INTERNET");
        Assert.That(internet.Since, Is.EqualTo(new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.FromHours(3))));
    }

    [Test]
    public async Task ChangeServiceAsync_BalanceBelowActivationFee_InsufficientFundsAndNothingChanges()
    {
        var result = await Backend.ChangeServiceAsync(Activate("r1", Anna, "SMSPACK"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.InsufficientFunds, 0m, 5m)));
        var account = await Backend.FindSubscriberAsync(Anna, CancellationToken.None);
        Assert.That(account!.Balance, Is.EqualTo(5m));
        Assert.That(account.Services, Is.Empty);
    }

    [Test]
    public async Task ChangeServiceAsync_BalanceExactlyTheFee_ActivatesToZero()
    {
        var result = await Backend.ChangeServiceAsync(Activate("r1", Tester, "SMSPACK"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 50m, 0m)));
    }

    [Test]
    public async Task ChangeServiceAsync_UnknownService_UnknownServiceAndNoCharge()
    {
        var result = await Backend.ChangeServiceAsync(Activate("r1", Ivan, "TELEPORT"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.UnknownService, 0m, 350m)));
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Services, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChangeServiceAsync_UnknownSubscriber_UnknownSubscriber()
    {
        var result = await Backend.ChangeServiceAsync(Activate("r1", Stranger, "ROAMING"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(ServiceChangeOutcome.UnknownSubscriber));
        Assert.That(result.Charged, Is.Zero);
        Assert.That(await Backend.FindSubscriberAsync(Stranger, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task ChangeServiceAsync_DeactivateActiveService_DoneChargesNothingAndMarksInactive()
    {
        _store.Time.Now = SeededStore.Start.AddHours(2);

        var result = await Backend.ChangeServiceAsync(Deactivate("r1", Olga, "ROAMING"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 0m, 1000m)));
        var account = await Backend.FindSubscriberAsync(Olga, CancellationToken.None);
        Assert.That(account!.Services, Is.EqualTo(new[] { new SubscribedService("ROAMING", ServiceState.Inactive, SeededStore.Start.AddHours(2)) }));
    }

    [Test]
    public async Task ChangeServiceAsync_DeactivateServiceNeverActive_AlreadyInState()
    {
        var result = await Backend.ChangeServiceAsync(Deactivate("r1", Olga, "BLACKLIST"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.AlreadyInState, 0m, 1000m)));
    }

    [Test]
    public async Task ChangeServiceAsync_ReactivateAfterDeactivation_ChargesFeeAgain()
    {
        await Backend.ChangeServiceAsync(Activate("r1", Olga, "SMSPACK"), CancellationToken.None);
        await Backend.ChangeServiceAsync(Deactivate("r2", Olga, "SMSPACK"), CancellationToken.None);

        var result = await Backend.ChangeServiceAsync(Activate("r3", Olga, "SMSPACK"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 50m, 900m)));
    }

    [TestCase(Ivan, "1234", true)]
    [TestCase(Ivan, "1235", false)]
    [TestCase(Ivan, "", false)]
    [TestCase(Anna, "1234", false)]
    [TestCase(Anna, "4321", true)]
    [TestCase(Tester, "0000", true)]
    [TestCase(Stranger, "1234", false)]
    public async Task VerifyPinAsync_Pin_MatchesOnlyTheSubscribersOwn(string msisdn, string pin, bool expected)
    {
        Assert.That(await Backend.VerifyPinAsync(msisdn, pin, CancellationToken.None), Is.EqualTo(expected));
    }

    [Test]
    public void Seed_SubscriberDocuments_HoldNoPlainPin()
    {
        var raw = _store.Database.GetCollection("prov_subscribers").FindById(Ivan);

        Assert.That(raw, Is.Not.Null);
        Assert.That(raw.ToString(), Does.Not.Contain("\"1234\""));
        Assert.That(raw["Pin"]["Hash"].AsBinary, Has.Length.EqualTo(32));
        Assert.That(raw["Pin"]["Salt"].AsBinary, Has.Length.EqualTo(16));
    }

    [Test]
    public async Task GetAudit_AfterChanges_RecordsEveryAttemptWithBalancesChannelAndTime()
    {
        await Backend.ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK", "sms"), CancellationToken.None);
        _store.Time.Now = SeededStore.Start.AddMinutes(5);
        await Backend.ChangeServiceAsync(Activate("r2", Ivan, "INTERNET", "webchat"), CancellationToken.None);
        await Backend.ChangeServiceAsync(Deactivate("r3", Ivan, "SMSPACK", "ussd"), CancellationToken.None);
        await Backend.ChangeServiceAsync(Activate("r4", Anna, "SMSPACK", "sms"), CancellationToken.None);

        Assert.That((await Backend.GetAuditAsync(Ivan, CancellationToken.None)), Is.EqualTo(new[]
        {
            new ProvisioningAuditEntry("r1", Ivan, "SMSPACK", ServiceChange.Activate, ServiceChangeOutcome.Done, 50m, 350m, 300m, "sms", SeededStore.Start),
            new ProvisioningAuditEntry("r2", Ivan, "INTERNET", ServiceChange.Activate, ServiceChangeOutcome.AlreadyInState, 0m, 300m, 300m, "webchat", SeededStore.Start.AddMinutes(5)),
            new ProvisioningAuditEntry("r3", Ivan, "SMSPACK", ServiceChange.Deactivate, ServiceChangeOutcome.Done, 0m, 300m, 300m, "ussd", SeededStore.Start.AddMinutes(5)),
        }));
        Assert.That((await Backend.GetAuditAsync(Anna, CancellationToken.None)), Is.EqualTo(new[]
        {
            new ProvisioningAuditEntry("r4", Anna, "SMSPACK", ServiceChange.Activate, ServiceChangeOutcome.InsufficientFunds, 0m, 5m, 5m, "sms", SeededStore.Start.AddMinutes(5)),
        }));
    }

    [Test]
    public async Task ChangeServiceAsync_ConcurrentIdenticalRequests_ChargeOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ =>
            Task.Run(() => Backend.ChangeServiceAsync(Activate("same", Ivan, "SMSPACK"), CancellationToken.None))));

        Assert.That(results, Is.All.EqualTo(new ServiceChangeResult(ServiceChangeOutcome.Done, 50m, 300m)));
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
        Assert.That((await Backend.GetAuditAsync(Ivan, CancellationToken.None)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChangeServiceAsync_ConcurrentRequestsFromTwoBackendsOverOneDatabase_ChargeOnce()
    {
        // Different request ids: only the state check stands between them and a double charge.
        var other = new EmbeddedProvisioningBackend(_store.Storage.Provisioning, _store.Time);
        var backends = new[] { Backend, other };

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            Task.Run(() => backends[i % 2].ChangeServiceAsync(Activate($"r{i}", Ivan, "SMSPACK"), CancellationToken.None))));

        Assert.That(results.Count(r => r.Outcome == ServiceChangeOutcome.Done), Is.EqualTo(1));
        Assert.That(results.Sum(r => r.Charged), Is.EqualTo(50m));
        Assert.That((await Backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
    }

    [Test]
    public async Task ChangeServiceAsync_RepeatAfterReopeningDatabaseFile_ReturnsStoredResult()
    {
        var path = Path.Combine(Path.GetTempPath(), $"selfservice-prov-{Guid.NewGuid():N}.db");
        try
        {
            ServiceChangeResult first;
            using (var storage = new LiteStorage(path, new LiteDbStorageOptions(), NullLoggerFactory.Instance))
            {
                await new ProvisioningSeed(storage.Provisioning).SeedAsync(SampleOperator.Folder, CancellationToken.None);
                first = await new EmbeddedProvisioningBackend(storage.Provisioning, TimeProvider.System).ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK"), CancellationToken.None);
            }

            using (var storage = new LiteStorage(path, new LiteDbStorageOptions(), NullLoggerFactory.Instance))
            {
                var backend = new EmbeddedProvisioningBackend(storage.Provisioning, TimeProvider.System);
                var repeat = await backend.ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK"), CancellationToken.None);

                Assert.That(repeat, Is.EqualTo(first));
                Assert.That((await backend.FindSubscriberAsync(Ivan, CancellationToken.None))!.Balance, Is.EqualTo(300m));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task ChangeServiceAsync_CancelledToken_ThrowsAndChangesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => Backend.ChangeServiceAsync(Activate("r1", Ivan, "SMSPACK"), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That((await Backend.GetAuditAsync(Ivan, CancellationToken.None)), Is.Empty);
    }

    private static ServiceChangeRequest Activate(string requestId, string msisdn, string code, string channel = "sms") =>
        new(requestId, msisdn, code, ServiceChange.Activate, channel);

    private static ServiceChangeRequest Deactivate(string requestId, string msisdn, string code, string channel = "sms") =>
        new(requestId, msisdn, code, ServiceChange.Deactivate, channel);
}
