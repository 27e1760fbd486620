using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns.Tests;

/// <summary>Quartz.NET itself, started, firing a campaign's triggers on real time.</summary>
public sealed class CampaignSchedulerTests
{
    [Test]
    public async Task Cron_FiresEachSecond_EachFireIsARunOfItsOwn()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 2);
        var campaign = await harness.CreateRunningAsync(c =>
        {
            c.Trigger = new CampaignTrigger { Kind = TriggerKind.Cron, Cron = "0/1 * * * * ?" };
            c.PartsPerSecond = 1_000_000;
        });
        var runs = new List<string>();
        var twoRuns = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Runner.RunFinished += (_, run) =>
        {
            lock (runs)
            {
                runs.Add(run);
                if (runs.Count == 2) twoRuns.TrySetResult();
            }
        };
        await using var quartz = Quartz(harness);
        var scheduler = await quartz.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();

        await new CampaignScheduler(quartz.GetRequiredService<ISchedulerFactory>(), TimeProvider.System).SyncAsync([campaign], CancellationToken.None);
        // The fires come on real time; the runner's turns on its clock (the first a lead ahead), which the test moves.
        await harness.RunClockUntilAsync(twoRuns.Task, TimeSpan.FromMilliseconds(100), maxSteps: 3000);
        await scheduler.Shutdown(true);

        Assert.That(runs.Distinct().Count(), Is.EqualTo(2));
        foreach (var run in runs.Take(2))
            Assert.That((await harness.Storage.Campaigns.ProgressAsync("c1", run, CancellationToken.None)).HandedOver, Is.EqualTo(2), "everyone, once a run");
    }

    [Test]
    public async Task Once_AtATimeAlreadyPast_FiresAtOnce()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 1);
        var campaign = await harness.CreateRunningAsync(c => c.Trigger = new CampaignTrigger { Kind = TriggerKind.Once, At = DateTimeOffset.UtcNow.AddHours(-1) });
        var finished = harness.RunFinishedAsync("c1");
        await using var quartz = Quartz(harness);
        var scheduler = await quartz.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();

        await new CampaignScheduler(quartz.GetRequiredService<ISchedulerFactory>(), TimeProvider.System).SyncAsync([campaign], CancellationToken.None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));
        await scheduler.Shutdown(true);

        Assert.That((await harness.Storage.Campaigns.GetAsync("c1", CancellationToken.None))!.State, Is.EqualTo(CampaignState.Done));
    }

    /// <summary>A Quartz scheduler whose jobs get this harness's runner.</summary>
    private static ServiceProvider Quartz(CampaignHarness harness) =>
        new ServiceCollection().AddSingleton(harness.Runner).AddLogging().AddSingleton(NullLoggerFactory.Instance)
            .AddQuartz(q => q.UseInMemoryStore()).BuildServiceProvider();
}
