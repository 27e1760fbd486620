using SelfService.Storage.Provisioning;

namespace SelfService.Storage.Contract;

/// <summary>
/// The embedded provisioning backend's store: seeding once, a change request decided and stored in one atomic step
/// (idempotent by request id; no two requests spend one balance), and every request kept for the audit.
/// </summary>
public abstract class ProvisioningContract : StorageContract
{
    private const string Ivan = "+79161234567";

    [Test]
    public async Task Seed_Twice_StoresOnceAndSaysSo()
    {
        Assert.That(await Store.Provisioning.SeedAsync([Roaming()], [Subscriber(120m)], None), Is.True);
        Assert.That(await Store.Provisioning.SeedAsync([Roaming(), Roaming("INTERNET")], [Subscriber(999m)], None), Is.False);

        Assert.That((await Store.Provisioning.ServicesAsync(None)).Select(s => s.Code), Is.EqualTo(new[] { "ROAMING" }));
        var ivan = await Store.Provisioning.FindSubscriberAsync(Ivan, None);
        Assert.That(ivan!.Balance, Is.EqualTo(120m));
        Assert.That(ivan.Pin!.Hash, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(ivan.Services.Single().Since, Is.EqualTo(T0));
    }

    [Test]
    public async Task Change_TheSameRequestIdAgain_ReturnsTheFirstRecordWithoutDecidingAgain()
    {
        await Store.Provisioning.SeedAsync([Roaming()], [Subscriber(120m)], None);
        var (first, repeated) = await Store.Provisioning.ChangeAsync("r1", Ivan, "ROAMING", Charge(50m), None);
        var decided = 0;
        var (again, repeatedAgain) = await Store.Provisioning.ChangeAsync("r1", Ivan, "ROAMING", (s, v) => { decided++; return Charge(50m)(s, v); }, None);

        Assert.That((repeated, repeatedAgain, decided), Is.EqualTo((false, true, 0)));
        Assert.That((again.Outcome, again.Charged, again.BalanceAfter), Is.EqualTo((first.Outcome, first.Charged, first.BalanceAfter)));
        Assert.That((await Store.Provisioning.FindSubscriberAsync(Ivan, None))!.Balance, Is.EqualTo(70m));
    }

    [Test]
    public async Task Change_ManyRequestsAtOnce_NeverSpendTheSameBalanceTwice()
    {
        await Store.Provisioning.SeedAsync([Roaming()], [Subscriber(120m)], None);

        var records = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.Provisioning.ChangeAsync($"r{i}", Ivan, "ROAMING", Charge(50m), None))));

        Assert.That(records.Count(r => r.Record.Outcome == "Done"), Is.EqualTo(2), "120 pays for two charges of 50");
        Assert.That((await Store.Provisioning.FindSubscriberAsync(Ivan, None))!.Balance, Is.EqualTo(20m));
        Assert.That(await Store.Provisioning.ChangesOfAsync(Ivan, None), Has.Count.EqualTo(20));
    }

    [Test]
    public async Task ChangesOf_AreKeptInOrder_AcrossARestart()
    {
        await Store.Provisioning.SeedAsync([Roaming()], [Subscriber(120m)], None);
        await Store.Provisioning.ChangeAsync("r1", Ivan, "ROAMING", Charge(50m), None);
        await Store.Provisioning.ChangeAsync("r2", Ivan, "ROAMING", Charge(100m), None);
        await Store.Provisioning.ChangeAsync("r3", "+79990000000", "ROAMING", Charge(1m), None);

        await ReopenAsync();

        var changes = await Store.Provisioning.ChangesOfAsync(Ivan, None);
        Assert.That(changes.Select(c => (c.RequestId, c.Outcome, c.BalanceBefore, c.BalanceAfter)),
            Is.EqualTo(new[] { ("r1", "Done", 120m, 70m), ("r2", "InsufficientFunds", 70m, 70m) }));
        Assert.That(changes[0].At, Is.EqualTo(T0));
        Assert.That((await Store.Provisioning.ChangesOfAsync("+79990000000", None)).Single().Outcome, Is.EqualTo("UnknownSubscriber"));
    }

    /// <summary>What the backend decides, reduced: charge the fee if the balance covers it.</summary>
    private static Func<ProvisionedSubscriber?, ProvisionedService?, ServiceChangeRecord> Charge(decimal fee) => (subscriber, service) =>
    {
        var before = subscriber?.Balance ?? 0m;
        var outcome = subscriber is null ? "UnknownSubscriber" : service is null ? "UnknownService" : subscriber.Balance < fee ? "InsufficientFunds" : "Done";
        if (outcome == "Done") subscriber!.Balance -= fee;
        return new ServiceChangeRecord
        {
            Msisdn = subscriber?.Msisdn ?? "+79990000000", ServiceCode = "ROAMING", Change = "Activate", Channel = "sms", Outcome = outcome,
            Charged = outcome == "Done" ? fee : 0m, BalanceBefore = before, BalanceAfter = subscriber?.Balance ?? 0m, At = T0,
        };
    };

    private static ProvisionedService Roaming(string code = "ROAMING") => new()
    {
        Code = code, Names = new() { ["ru"] = "Роуминг" }, ActivationFee = 50m, MonthlyFee = 99m, Currency = "RUB",
    };

    private static ProvisionedSubscriber Subscriber(decimal balance) => new()
    {
        Msisdn = Ivan, Name = "Иван", Language = "ru", Balance = balance, Currency = "RUB", TariffCode = "SMART",
        Services = [new SubscribedServiceState { Code = "INTERNET", State = "Active", Since = T0 }],
        Pin = new PinHash { Algorithm = "PBKDF2-SHA256", Iterations = 1, Salt = [9], Hash = [1, 2, 3] },
    };
}
