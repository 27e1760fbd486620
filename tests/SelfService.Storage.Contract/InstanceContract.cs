using SelfService.Storage.Instances;

namespace SelfService.Storage.Contract;

/// <summary>The instances' heartbeats: one row per instance, its last beat kept exactly, across a restart; the long gone forgotten.</summary>
public abstract class InstanceContract : StorageContract
{
    [Test]
    public async Task Beats_KeepOneRowPerInstance_WithItsLastBeat_AcrossARestart()
    {
        await Store.Instances.BeatAsync("gw-b", T0, T0.AddSeconds(1), None);
        await Store.Instances.BeatAsync("gw-a", T0, T0.AddSeconds(2), None);
        await Store.Instances.BeatAsync("gw-b", T0, T0.AddSeconds(6.123), None);
        // gw-a restarted: a new start, the same id.
        await Store.Instances.BeatAsync("gw-a", T0.AddSeconds(7), T0.AddSeconds(7.5), None);
        await ReopenAsync();

        Assert.That(await Store.Instances.ListAsync(None), Is.EqualTo(new[]
        {
            new GatewayInstance("gw-a", T0.AddSeconds(7), T0.AddSeconds(7.5)),
            new GatewayInstance("gw-b", T0, T0.AddSeconds(6.123)),
        }));
    }

    [Test]
    public async Task Forget_RemovesOnlyInstancesNotSeenSince()
    {
        await Store.Instances.BeatAsync("gone", T0, T0.AddMinutes(1), None);
        await Store.Instances.BeatAsync("alive", T0, T0.AddHours(25), None);

        var forgotten = await Store.Instances.ForgetAsync(T0.AddHours(1), None);

        Assert.That(forgotten, Is.EqualTo(1));
        Assert.That((await Store.Instances.ListAsync(None)).Select(i => i.Id), Is.EqualTo(new[] { "alive" }));
    }
}
