using SelfService.Storage.Leases;
using static SelfService.Storage.Contract.Records;

namespace SelfService.Storage.Contract;

/// <summary>
/// Leases with fencing tokens: one holder at a time, expiry, takeover with a larger token, and the writes a stale holder
/// makes (an MO stored, the Telegram offset) refused by the token.
/// </summary>
public abstract class LeaseContract : StorageContract
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    [Test]
    public async Task A_free_lease_is_taken_and_then_held_against_others_until_it_expires()
    {
        var a = await Store.Leases.TryAcquireAsync("sms:0", "a", Duration, T0, None);
        var b = await Store.Leases.TryAcquireAsync("sms:0", "b", Duration, T0.AddSeconds(14), None);
        var afterExpiry = await Store.Leases.TryAcquireAsync("sms:0", "b", Duration, T0.AddSeconds(15), None);
        Assert.Multiple(() =>
        {
            Assert.That(a.Acquired, Is.True);
            Assert.That(a.Current, Is.EqualTo(new Lease("sms:0", "a", 1, T0, T0 + Duration)));
            Assert.That(b.Acquired, Is.False, "held by a until T0+15s");
            Assert.That(b.Current.Owner, Is.EqualTo("a"), "the claim says who holds it");
            Assert.That(b.Current.ExpiresAt, Is.EqualTo(T0 + Duration), "and until when, so the other knows when to try again");
            Assert.That(afterExpiry.Acquired, Is.True, "an expired lease is taken over");
            Assert.That(afterExpiry.Current.Owner, Is.EqualTo("b"));
            Assert.That(afterExpiry.Current.Token, Is.EqualTo(2), "with a larger token");
        });
    }

    [Test]
    public async Task Renewing_extends_the_lease_and_keeps_its_token_but_an_expired_or_taken_lease_cannot_be_renewed()
    {
        var a = (await Store.Leases.TryAcquireAsync("telegram", "a", Duration, T0, None)).Current;
        var renewed = await Store.Leases.RenewAsync(a.Fence, Duration, T0.AddSeconds(5), None);
        var stillHeld = await Store.Leases.TryAcquireAsync("telegram", "b", Duration, T0.AddSeconds(16), None);
        var lateRenewal = await Store.Leases.RenewAsync(a.Fence, Duration, T0.AddSeconds(20), None);
        var b = await Store.Leases.TryAcquireAsync("telegram", "b", Duration, T0.AddSeconds(21), None);
        var staleRenewal = await Store.Leases.RenewAsync(a.Fence, Duration, T0.AddSeconds(22), None);
        Assert.Multiple(() =>
        {
            Assert.That(renewed, Is.EqualTo(a with { ExpiresAt = T0.AddSeconds(20) }));
            Assert.That(stillHeld.Acquired, Is.False, "renewed to T0+20s");
            Assert.That(lateRenewal, Is.Null, "an owner that missed its expiry has lost the lease, even if nobody took it yet");
            Assert.That(b.Acquired, Is.True);
            Assert.That(b.Current.Token, Is.EqualTo(2));
            Assert.That(staleRenewal, Is.Null, "a's token is stale");
        });
    }

    [Test]
    public async Task A_released_lease_is_free_at_once_and_a_stale_release_changes_nothing()
    {
        var a = (await Store.Leases.TryAcquireAsync("imap", "a", Duration, T0, None)).Current;
        await Store.Leases.ReleaseAsync(a.Fence, T0.AddSeconds(1), None);
        var b = (await Store.Leases.TryAcquireAsync("imap", "b", Duration, T0.AddSeconds(1), None)).Current;
        await Store.Leases.ReleaseAsync(a.Fence, T0.AddSeconds(2), None);
        var c = await Store.Leases.TryAcquireAsync("imap", "c", Duration, T0.AddSeconds(3), None);
        Assert.Multiple(() =>
        {
            Assert.That(b.Owner, Is.EqualTo("b"));
            Assert.That(b.Token, Is.EqualTo(2));
            Assert.That(c.Acquired, Is.False, "a's release came after b took the lease: it does not free b's");
        });
    }

    [Test]
    public async Task Tokens_only_grow_and_each_name_is_a_lease_of_its_own()
    {
        var tokens = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var lease = (await Store.Leases.TryAcquireAsync("sms:0", "owner" + i, Duration, T0.AddMinutes(i), None)).Current;
            tokens.Add(lease.Token);
        }
        var other = await Store.Leases.TryAcquireAsync("sms:1", "x", Duration, T0.AddMinutes(3), None);
        var all = await Store.Leases.ListAsync(None);
        Assert.Multiple(() =>
        {
            Assert.That(tokens, Is.EqualTo(new long[] { 1, 2, 3, 4 }));
            Assert.That(other.Acquired, Is.True, "sms:1 is not sms:0");
            Assert.That(all.Select(l => (l.Name, l.Owner, l.Token)), Is.EqualTo(new[] { ("sms:0", "owner3", 4L), ("sms:1", "x", 1L) }));
        });
    }

    [Test]
    public async Task Of_owners_racing_for_a_free_lease_exactly_one_wins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.Leases.TryAcquireAsync("race", "o" + i, Duration, T0, None))));
        var winners = claims.Where(c => c.Acquired).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That(claims.Select(c => c.Current.Owner).Distinct().Single(), Is.EqualTo(winners[0].Current.Owner), "the losers see the winner");
    }

    [Test]
    public async Task A_message_that_came_on_a_connection_whose_lease_was_taken_over_is_refused_and_the_owners_is_kept()
    {
        var a = (await Store.Leases.TryAcquireAsync("sms:0", "a", Duration, T0, None)).Current;
        var kept = await Store.Inbound.AcceptAsync(Inbound("m1", "sms", "k1", T0), null, a.Fence, None);
        var b = (await Store.Leases.TryAcquireAsync("sms:0", "b", Duration, T0.AddSeconds(30), None)).Current;
        var refused = await Assert.ThrowsAsync<StaleLeaseException>(() => Store.Inbound.AcceptAsync(Inbound("m2", "sms", "k2", T0.AddSeconds(31)), null, a.Fence, None));
        var byNewOwner = await Store.Inbound.AcceptAsync(Inbound("m3", "sms", "k3", T0.AddSeconds(31)), null, b.Fence, None);
        Assert.Multiple(async () =>
        {
            Assert.That(kept.Duplicate, Is.False);
            Assert.That(refused!.Fence, Is.EqualTo(a.Fence));
            Assert.That(await Store.Inbound.GetAsync("m2", None), Is.Null, "nothing of the stale write is stored");
            Assert.That(byNewOwner.MessageId, Is.EqualTo("m3"));
            Assert.That(await Store.Leases.IsCurrentAsync(a.Fence, None), Is.False);
            Assert.That(await Store.Leases.IsCurrentAsync(b.Fence, None), Is.True);
        });
    }

    [Test]
    public async Task A_poller_that_lost_its_lease_cannot_move_the_telegram_offset()
    {
        var a = (await Store.Leases.TryAcquireAsync("telegram", "a", Duration, T0, None)).Current;
        await Store.TelegramChats.SaveOffsetAsync(100, a.Fence, None);
        var b = (await Store.Leases.TryAcquireAsync("telegram", "b", Duration, T0.AddMinutes(1), None)).Current;
        await Store.TelegramChats.SaveOffsetAsync(105, b.Fence, None);
        await Assert.ThrowsAsync<StaleLeaseException>(() => Store.TelegramChats.SaveOffsetAsync(101, a.Fence, None));
        Assert.That(await Store.TelegramChats.GetOffsetAsync(None), Is.EqualTo(105));
    }
}
