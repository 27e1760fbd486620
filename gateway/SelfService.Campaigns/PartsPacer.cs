namespace SelfService.Campaigns;

/// <summary>
/// The pace of one campaign in SMS parts per second: a message of three parts holds the next one three times as long as
/// one of one, so what the SMSC sees is the configured number of parts a second, whatever the length of the text. On the
/// injected clock.
/// The schedule starts at the first message, <paramref name="lead"/> from now (the time its caller needs to store a
/// message before it goes): no credit at the start, so the first second carries the rate, not the rate and a burst. A
/// sender that fell behind (a stall) may catch up by <see cref="CatchUp"/> at most, so no second ever carries more than
/// the rate and 5 % of it (plus one message), even after a night of quiet hours.
/// </summary>
public sealed class PartsPacer(double partsPerSecond, TimeProvider time, TimeSpan lead = default)
{
    public static readonly TimeSpan CatchUp = TimeSpan.FromMilliseconds(50);

    private DateTimeOffset? _next;

    /// <summary>When the next parts may go (the lead from now, before the first).</summary>
    public DateTimeOffset Next => _next ?? time.GetUtcNow() + lead;

    /// <summary>Takes the next turn for <paramref name="parts"/> parts: returns when they may go, and moves the turn after them on by their time.</summary>
    public DateTimeOffset Reserve(int parts)
    {
        var now = time.GetUtcNow();
        var turn = _next switch
        {
            null => now + lead,
            { } next when next < now - CatchUp => now - CatchUp,
            { } next => next,
        };
        _next = turn + TimeSpan.FromSeconds(parts / partsPerSecond);
        return turn;
    }
}
