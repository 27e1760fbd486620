namespace SelfService.KnowledgeBase.Tests.TestSupport;

/// <summary>A clock that moves only when told, so recorded timestamps are exact.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
