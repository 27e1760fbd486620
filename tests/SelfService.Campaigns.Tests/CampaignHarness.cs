using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Pipeline;
using SelfService.Storage.Campaigns;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Provisioning;
using SelfService.Testing;

namespace SelfService.Campaigns.Tests;

/// <summary>
/// The campaign runner over the embedded store on a file of its own, on a clock the test moves. The outbox dispatcher is
/// built but not started: what the runner hands over is what the store holds, which is what these tests look at.
/// <see cref="RestartAsync"/> opens the same file again with a new runner, as a restarted gateway does.
/// </summary>
internal sealed class CampaignHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);   // 13:00 in Moscow

    private readonly TemporaryFolder _folder = new();
    private CancellationTokenSource _stopping = new();

    public FakeTimeProvider Time { get; } = new(Start);
    public CampaignOptions Options { get; } = new() { PageSize = 3 };
    public LiteStorage Storage { get; private set; } = null!;
    public CampaignRunner Runner { get; private set; } = null!;
    public CampaignManager Manager { get; private set; } = null!;
    public CampaignSurveys Surveys { get; private set; } = null!;
    public static SelfService.Commands.Surveys.SurveyPrompts Prompts { get; } = new(SelfService.Commands.Texts.ReplyTexts.LoadDefault());

    // Quartz itself, not started: what these tests schedule never fires (the tests fire the runner themselves).
    private readonly ServiceProvider _quartz = new ServiceCollection().AddLogging().AddQuartz().BuildServiceProvider();
    private CampaignScheduler _scheduler = null!;

    public static async Task<CampaignHarness> StartAsync(int subscribers = 6)
    {
        var harness = new CampaignHarness();
        harness.Open();
        await harness.StartRunnerAsync();
        await harness.Storage.Provisioning.SeedAsync([new ProvisionedService { Code = "ROAMING", Names = new() { ["ru"] = "Роуминг", ["en"] = "Roaming" } }],
            [.. Enumerable.Range(0, subscribers).Select(Subscriber)], CancellationToken.None);
        return harness;
    }

    /// <summary>Even numbers speak Russian and are on BASIC; odd ones English and SMART; every third has roaming.</summary>
    public static ProvisionedSubscriber Subscriber(int i) => new()
    {
        Msisdn = Number(i), Name = (i % 2 == 0 ? "Иван " : "John ") + i, Language = i % 2 == 0 ? "ru" : "en", Balance = 100 + i, Currency = "RUB",
        TariffCode = i % 2 == 0 ? "BASIC" : "SMART",
        Services = i % 3 == 0 ? [new SubscribedServiceState { Code = "ROAMING", State = "active", Since = Start }] : [],
    };

    public static string Number(int i) => "+7916" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private void Open()
    {
        Storage = new LiteStorage(_folder.File("gateway.db"), new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var channels = new ChannelRegistry([]);
        var outbox = new OutboxDispatcher(Storage.Outbox, channels, new PipelineMetrics(new NoMeters()),
            Microsoft.Extensions.Options.Options.Create(new PipelineOptions()), Time, NullLogger<OutboxDispatcher>.Instance);
        var audience = new AudienceWriter(Storage.Campaigns, Storage.Audience, Storage.Provisioning, Storage.Customers, Storage.History, Storage.Surveys, options);
        Surveys = new CampaignSurveys(Storage.Surveys, Prompts);
        var unsubscribe = new UnsubscribeLinks(Storage.SigningKeys, Microsoft.Extensions.Options.Options.Create(new SelfService.Commands.CommandOptions { PublicBaseUrl = "https://gateway.test" }));
        Runner = new CampaignRunner(Storage.Campaigns, Storage.OptOuts, Storage.Customers, audience, outbox, Storage.Outbox, channels, Surveys, unsubscribe, options, Time,
            NullLogger<CampaignRunner>.Instance);
        _scheduler = new CampaignScheduler(_quartz.GetRequiredService<ISchedulerFactory>(), Time);
        Manager = new CampaignManager(Storage.Campaigns, new CampaignRules(options, channels, ["PROMO", "NEWS"], Prompts), _scheduler, Runner, channels, Surveys,
            audience, options, Time);
    }

    /// <summary>Stops the runner as a gateway stopping does, opens the file again, and starts a new runner (which resumes).</summary>
    public async Task RestartAsync()
    {
        await _stopping.CancelAsync();
        await Runner.StopAsync(CancellationToken.None);
        Storage.Dispose();
        _stopping.Dispose();
        _stopping = new CancellationTokenSource();
        Open();
        await StartRunnerAsync();
    }

    /// <summary>
    /// Starts the runner leading the campaigns, as the one instance of a gateway does when it takes the lead (the lease
    /// itself is the gateway's: CampaignLeadership): the triggers scheduled, the running campaigns resumed.
    /// </summary>
    public async Task StartRunnerAsync()
    {
        await Runner.StartAsync(_stopping.Token);
        Runner.Lead(_stopping.Token);
        var live = await Storage.Campaigns.InStatesAsync([CampaignState.Scheduled, CampaignState.Running], _stopping.Token);
        await _scheduler.SyncAsync(live, _stopping.Token);
        Runner.Follow(live);
    }

    public async Task<Campaign> CreateRunningAsync(Action<Campaign>? shape = null)
    {
        var campaign = new Campaign
        {
            Id = "c1", Name = "Offer", Topic = "PROMO", Channel = "sms", DefaultLanguage = "ru",
            Texts = new() { ["ru"] = "{name}, ваш баланс {balance}", ["en"] = "{name}, your balance is {balance}" },
            Audience = new CampaignAudience { Kind = AudienceKind.Segment }, Trigger = new CampaignTrigger { Kind = TriggerKind.Once, At = Start },
            PartsPerSecond = 2, TimeZone = "Europe/Moscow", State = CampaignState.Scheduled, CreatedBy = "olga", CreatedAt = Start, UpdatedAt = Start,
        };
        shape?.Invoke(campaign);
        await Storage.Campaigns.CreateAsync(campaign, CancellationToken.None);
        return campaign;
    }

    /// <summary>Moves the clock in steps until <paramref name="done"/> completes (the runner waits on this clock for its pace and quiet hours).</summary>
    public async Task RunClockUntilAsync(Task done, TimeSpan step, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !done.IsCompleted; i++)
        {
            // Let the runner reach its next wait before the clock moves on; the assertions read the fake clock, not this pause.
            await Task.WhenAny(done, Task.Delay(2));
            Time.Advance(step);
        }
        await done.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Completes when the run has nobody left pending (or was cancelled).</summary>
    public Task RunFinishedAsync(string campaignId)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Runner.RunFinished += (id, _) => { if (id == campaignId) finished.TrySetResult(); };
        return finished.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Runner.StopAsync(CancellationToken.None);
        Storage.Dispose();
        _stopping.Dispose();
        await _quartz.DisposeAsync();
        _folder.Dispose();
    }

    private sealed class NoMeters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);
        public void Dispose() { }
    }
}
