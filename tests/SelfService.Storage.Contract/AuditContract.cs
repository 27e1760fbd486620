using SelfService.Storage.Staff;

namespace SelfService.Storage.Contract;

/// <summary>The audit trail: newest first by id, filtered by actor and subject, read page by page.</summary>
public abstract class AuditContract : StorageContract
{
    [Test]
    public async Task Recent_NewestFirst_UpToTheLimit()
    {
        await RecordAsync(("01", "anna", "c1"), ("03", "anna", "c2"), ("02", "boris", "c1"));

        Assert.That(await IdsAsync(new AuditQuery(10)), Is.EqualTo(new[] { "03", "02", "01" }));
        Assert.That(await IdsAsync(new AuditQuery(2)), Is.EqualTo(new[] { "03", "02" }));
    }

    [Test]
    public async Task Recent_ByActorBySubjectOrBoth()
    {
        await RecordAsync(("01", "anna", "c1"), ("02", "boris", "c1"), ("03", "anna", "c2"), ("04", "anna", "c1"));

        Assert.That(await IdsAsync(new AuditQuery(10, Actor: "anna")), Is.EqualTo(new[] { "04", "03", "01" }));
        Assert.That(await IdsAsync(new AuditQuery(10, Subject: "c1")), Is.EqualTo(new[] { "04", "02", "01" }));
        Assert.That(await IdsAsync(new AuditQuery(10, Actor: "anna", Subject: "c1")), Is.EqualTo(new[] { "04", "01" }));
        Assert.That(await IdsAsync(new AuditQuery(10, Actor: "Anna")), Is.Empty, "actors compare exactly");
        Assert.That(await IdsAsync(new AuditQuery(1, Actor: "boris")), Is.EqualTo(new[] { "02" }));
    }

    [Test]
    public async Task Recent_PageByPage_EachEntryOnceInOrder()
    {
        var ids = Enumerable.Range(1, 25).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await RecordAsync([.. ids.Select(id => (id, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? "anna" : "boris", "c1"))]);

        var pages = new List<IReadOnlyList<string>>();
        string? before = null;
        do
        {
            pages.Add(await IdsAsync(new AuditQuery(10, Subject: "c1", Before: before)));
            before = pages[^1].Count > 0 ? pages[^1][^1] : null;
        }
        while (pages[^1].Count == 10);

        Assert.That(pages.Select(p => p.Count), Is.EqualTo(new[] { 10, 10, 5 }));
        Assert.That(pages.SelectMany(p => p), Is.EqualTo(Enumerable.Reverse(ids)));
        Assert.That(await IdsAsync(new AuditQuery(10, Actor: "anna", Before: "010")), Is.EqualTo(new[] { "008", "006", "004", "002" }));
    }

    [Test]
    public async Task Record_KeepsEveryField_AcrossARestart()
    {
        await Store.Audit.RecordAsync(new AuditEntry
        {
            Id = "01", Actor = "anna", Action = "ticket.take", Subject = "c1", Details = " t1 ", RemoteAddress = "10.0.0.1", At = T0,
        }, None);

        await ReopenAsync();

        var entry = (await Store.Audit.RecentAsync(new AuditQuery(10), None)).Single();
        Assert.That((entry.Actor, entry.Action, entry.Subject, entry.Details, entry.RemoteAddress, entry.At),
            Is.EqualTo(("anna", "ticket.take", "c1", " t1 ", "10.0.0.1", T0)));
    }

    [Test]
    public async Task Record_ManyAtOnce_AllKept()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => Store.Audit.RecordAsync(new AuditEntry
        {
            Id = i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Actor = "a" + (i % 5), Action = "signin", Subject = "s", At = T0,
        }, None))));

        Assert.That(await Store.Audit.RecentAsync(new AuditQuery(1000), None), Has.Count.EqualTo(200));
        Assert.That(await Store.Audit.RecentAsync(new AuditQuery(1000, Actor: "a3"), None), Has.Count.EqualTo(40));
    }

    private async Task RecordAsync(params (string Id, string Actor, string Subject)[] entries)
    {
        foreach (var (id, actor, subject) in entries)
            await Store.Audit.RecordAsync(new AuditEntry { Id = id, Actor = actor, Action = "customer.view", Subject = subject, At = T0 }, None);
    }

    private async Task<IReadOnlyList<string>> IdsAsync(AuditQuery query) => [.. (await Store.Audit.RecentAsync(query, None)).Select(e => e.Id)];
}
