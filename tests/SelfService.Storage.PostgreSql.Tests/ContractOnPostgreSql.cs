using SelfService.Storage.Contract;
using SelfService.Storage.Contract.Campaigns;

namespace SelfService.Storage.PostgreSql.Tests;

// The storage contract, run against the PostgreSQL engine: the same fixtures the LiteDB engine passes.

[TestFixture]
public sealed class InboundLogOnPostgreSql : InboundLogContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class OutboxOnPostgreSql : OutboxContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class CustomerAndHistoryOnPostgreSql : CustomerAndHistoryContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class ConcurrencyOnPostgreSql : ConcurrencyContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class RetentionOnPostgreSql : RetentionContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class ChannelStateOnPostgreSql : ChannelStateContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class TranscriptsOnPostgreSql : TranscriptContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class ProvisioningOnPostgreSql : ProvisioningContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class StaffOnPostgreSql : StaffContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class AuditOnPostgreSql : AuditContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class EscalationOnPostgreSql : EscalationContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class KnowledgeBaseOnPostgreSql : KnowledgeBaseContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class TrafficStatisticsOnPostgreSql : TrafficStatisticsContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class CampaignsOnPostgreSql : CampaignContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class SurveysOnPostgreSql : SurveyContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

public sealed class LeasesOnPostgreSql : LeaseContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}

[TestFixture]
public sealed class InstancesOnPostgreSql : InstanceContract
{
    protected override IStorageEngine CreateEngine() => new PostgreSqlEngine();
}
