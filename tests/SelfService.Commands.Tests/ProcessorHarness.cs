using SelfService.Messaging;
using SelfService.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfService.ActionCodes;
using SelfService.Commands.Policies;
using SelfService.KnowledgeBase;
using SelfService.Provisioning;
using SelfService.Provisioning.Embedded;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Messages;

namespace SelfService.Commands.Tests;

/// <summary>
/// The command processor with its real collaborators (embedded provisioning, the Lucene knowledge base, the
/// sample operator) over the embedded store in memory, and a clock the test moves. Each outcome is committed as the
/// pipeline's workers commit it, so the next message sees what the last one changed.
/// </summary>
internal sealed class ProcessorHarness : IDisposable
{
    public static readonly ChannelProfile Sms = new(ChannelNames.Sms, ReplyForm.Short, 1, SenderIsMsisdn: true);
    public static readonly ChannelProfile Web = new(ChannelNames.WebChat, ReplyForm.Long, 0, SenderIsMsisdn: false);

    private readonly ServiceProvider _services;
    private int _sequence;

    private ProcessorHarness(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ProcessorHarness> StartAsync(Action<AccessPolicyOptions>? policies = null)
    {
        var services = new ServiceCollection();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        services.AddLiteDbStorage((_, _) => null);
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging();
        services.AddEmbeddedProvisioning();
        services.AddKnowledgeBase();
        services.AddSingleton(ActionCatalogue.Load(RepositoryPaths.Catalogue));
        services.AddSingleton(SelfService.Commands.Menus.MenuCatalogue.Load(RepositoryPaths.Menus));
        services.AddCommandProcessing();
        services.Configure<AccessPolicyOptions>(o =>
        {
            o.Commands["BAL"] = new CommandRule { RequiresIdentity = true };
            o.Commands["ACT"] = new CommandRule { RequiresIdentity = true, Confirm = true };
            o.Commands["DEACT"] = new CommandRule { RequiresIdentity = true, Confirm = true, Pin = PinRule.UntrustedChannels };
            policies?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ProvisioningSeed>().SeedAsync(RepositoryPaths.OperatorSamples, CancellationToken.None);
        await provider.GetRequiredService<KnowledgeBaseImporter>().ImportFromAsync(RepositoryPaths.KnowledgeBaseSamples, CancellationToken.None);
        return new ProcessorHarness(provider, time);
    }

    public async Task<CommandOutcome> SendAsync(ChannelProfile channel, string sender, string text, string? clientAddress = null)
    {
        var id = "m" + Interlocked.Increment(ref _sequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var message = InboundMessage.Received(channel.Name, id, sender, text, sender, Time.GetUtcNow()) with { Id = id, ClientAddress = clientAddress };
        var processor = Get<CommandProcessor>();
        var outcome = await processor.ProcessAsync(message, channel, CancellationToken.None);
        await Get<IInboundLog>().CompleteAsync(new ProcessingCommit(
            message.Id, outcome.Kind.ToString(), Time.GetUtcNow(), outcome.Conversation, outcome.Customers, outcome.History, []), CancellationToken.None);
        processor.Committed(outcome);
        return outcome;
    }

    public async Task<string> ReplyAsync(ChannelProfile channel, string sender, string text) =>
        (await SendAsync(channel, sender, text)).Replies[0].Reply.Short;

    public void Dispose() => _services.Dispose();
}
