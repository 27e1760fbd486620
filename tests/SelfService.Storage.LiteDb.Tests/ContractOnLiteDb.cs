using SelfService.Storage.Contract;
using SelfService.Storage.Contract.Campaigns;

namespace SelfService.Storage.LiteDb.Tests;

// The storage contract, run against the embedded engine.

[TestFixture]
public sealed class InboundLogOnLiteDb : InboundLogContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class OutboxOnLiteDb : OutboxContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class CustomerAndHistoryOnLiteDb : CustomerAndHistoryContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class ConcurrencyOnLiteDb : ConcurrencyContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class RetentionOnLiteDb : RetentionContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class InboundLogOnLiteDbWithFsync : InboundLogContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine(Durability.Fsync);
}

[TestFixture]
public sealed class ChannelStateOnLiteDb : ChannelStateContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class TranscriptsOnLiteDb : TranscriptContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class ProvisioningOnLiteDb : ProvisioningContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class StaffOnLiteDb : StaffContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class AuditOnLiteDb : AuditContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class EscalationOnLiteDb : EscalationContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class KnowledgeBaseOnLiteDb : KnowledgeBaseContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class TrafficStatisticsOnLiteDb : TrafficStatisticsContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class CampaignsOnLiteDb : CampaignContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

[TestFixture]
public sealed class SurveysOnLiteDb : SurveyContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}

public sealed class LeasesOnLiteDb : LeaseContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();

    [Test]
    public async Task A_reopened_file_lets_go_of_the_leases_its_previous_process_held_and_keeps_their_tokens()
    {
        var held = (await Store.Leases.TryAcquireAsync("sms:0", "gone-1234", TimeSpan.FromMinutes(5), T0, None)).Current;
        await ReopenAsync();
        var claim = await Store.Leases.TryAcquireAsync("sms:0", "new-5678", TimeSpan.FromMinutes(5), T0.AddSeconds(1), None);
        Assert.That(claim.Acquired, Is.True, "one process owns a LiteDB file: a restarted gateway binds at once");
        Assert.That(claim.Current.Token, Is.GreaterThan(held.Token));
    }
}

[TestFixture]
public sealed class InstancesOnLiteDb : InstanceContract
{
    protected override IStorageEngine CreateEngine() => new LiteDbEngine();
}
