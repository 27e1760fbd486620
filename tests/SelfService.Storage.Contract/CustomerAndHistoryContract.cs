using SelfService.Storage.Customers;
using SelfService.Storage.History;
using static SelfService.Storage.Contract.Records;

namespace SelfService.Storage.Contract;

/// <summary>Customers with their linked identities, and the one timeline across channels.</summary>
public abstract class CustomerAndHistoryContract : StorageContract
{
    [Test]
    public async Task Customer_FoundByIdByNumberAndByEachIdentity()
    {
        await Store.Customers.SaveAsync([Ivan("c1", ("sms", "+79161234567"), ("webchat", "w1"))], None);

        Assert.That((await Store.Customers.GetAsync("c1", None))?.Msisdn, Is.EqualTo("+79161234567"));
        Assert.That((await Store.Customers.FindByMsisdnAsync("+79161234567", None))?.Id, Is.EqualTo("c1"));
        Assert.That((await Store.Customers.FindByIdentityAsync("webchat", "w1", None))?.Id, Is.EqualTo("c1"));
        Assert.That(await Store.Customers.FindByIdentityAsync("webchat", "w2", None), Is.Null);
    }

    [Test]
    public async Task Customer_IdentityRemovedOnSave_IsNotFoundAnyMore()
    {
        var ivan = Ivan("c1", ("sms", "+79161234567"), ("webchat", "w1"));
        await Store.Customers.SaveAsync([ivan], None);
        ivan.Identities.RemoveAll(i => i.Channel == "webchat");
        await Store.Customers.SaveAsync([ivan], None);

        Assert.That(await Store.Customers.FindByIdentityAsync("webchat", "w1", None), Is.Null);
    }

    [Test]
    public async Task History_LatestEntriesOldestFirst_ByCustomerAndBySender()
    {
        await Store.History.RecordAsync([
            Line("3", "sms", "+7916", T0.AddMinutes(3), customerId: "c1"),
            Line("1", "webchat", "w1", T0.AddMinutes(1), customerId: "c1"),
            Line("2", "sms", "+7916", T0.AddMinutes(2), customerId: "c1"),
            Line("x", "sms", "+7999", T0, customerId: "c2"),
        ], None);

        Assert.That((await Store.History.ForCustomerAsync("c1", 10, None)).Select(e => e.Id), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That((await Store.History.ForCustomerAsync("c1", 2, None)).Select(e => e.Id), Is.EqualTo(new[] { "2", "3" }), "the latest two");
        Assert.That((await Store.History.ForIdentityAsync("sms", "+7916", 10, None)).Select(e => e.Id), Is.EqualTo(new[] { "2", "3" }));
    }

    [Test]
    public async Task History_ClaimedAfterLinking_BecomesTheCustomers()
    {
        await Store.History.RecordAsync([Line("1", "webchat", "w1", T0), Line("2", "webchat", "w1", T0.AddMinutes(1)), Line("3", "webchat", "w2", T0)], None);

        var claimed = await Store.History.ClaimAsync("webchat", "w1", "c1", None);

        Assert.That(claimed, Is.EqualTo(2));
        Assert.That((await Store.History.ForCustomerAsync("c1", 10, None)).Select(e => e.Id), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public async Task History_InboundWithOutcome_SinceNewestFirst()
    {
        await Store.History.RecordAsync([
            Line("old", "sms", "a", T0.AddDays(-2), outcome: "Unanswered"),
            Line("q1", "sms", "a", T0.AddMinutes(1), outcome: "Unanswered"),
            Line("q2", "sms", "b", T0.AddMinutes(2), outcome: "Escalated"),
            Line("ok", "sms", "c", T0.AddMinutes(3), outcome: "Answered"),
            Line("out", "sms", "a", T0.AddMinutes(4), HistoryKind.Outbound, outcome: "Unanswered"),
        ], None);

        var found = await Store.History.InboundWithOutcomeAsync(["Unanswered", "Escalated"], T0.AddDays(-1), 10, None);

        Assert.That(found.Select(e => e.Id), Is.EqualTo(new[] { "q2", "q1" }));
    }

    [Test]
    public async Task History_LastInboundAt_IsTheCustomersLatestMessageInOnAnyChannel()
    {
        await Store.History.RecordAsync([
            Line("in1", "sms", "+7916", T0.AddMinutes(1), customerId: "c1"),
            Line("in2", "telegram", "42", T0.AddMinutes(5), customerId: "c1"),
            Line("out", "sms", "+7916", T0.AddMinutes(9), HistoryKind.Outbound, customerId: "c1"),
            Line("other", "sms", "+7999", T0.AddMinutes(20), customerId: "c2"),
            Line("anon", "webchat", "w1", T0.AddMinutes(30)),
        ], None);

        Assert.That(await Store.History.LastInboundAtAsync("c1", None), Is.EqualTo(T0.AddMinutes(5)), "a message out (a campaign, a reply) is no contact from them");
        Assert.That(await Store.History.LastInboundAtAsync("c3", None), Is.Null, "never wrote");
    }

    private static Customer Ivan(string id, params (string Channel, string Address)[] identities)
    {
        var customer = new Customer { Id = id, Msisdn = "+79161234567", CreatedAt = T0 };
        foreach (var (channel, address) in identities)
            customer.Identities.Add(new ChannelIdentity { Channel = channel, Address = address, ProvenBy = "test", LinkedAt = T0 });
        return customer;
    }
}
