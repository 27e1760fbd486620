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
