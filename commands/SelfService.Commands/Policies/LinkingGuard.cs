using System.Collections.Concurrent;

namespace SelfService.Commands.Policies;

/// <summary>
/// Bounds one-time codes for linking, so that neither guessing a code nor pumping SMS pays: per target number (codes
/// per hour and per day; failed attempts from ALL conversations, after which the number is locked for linking), per
/// conversation and per client address.
/// </summary>
/// <remarks>
/// State is in memory, keyed by number, conversation and address, with times from <see cref="TimeProvider"/>: enough
/// for this single-instance gateway. A restart forgets the counters (an attacker gains at most one more allowance per
/// restart); several instances behind a balancer would need a shared store.
/// </remarks>
public sealed class LinkingGuard(AccessPolicyOptions options, TimeProvider time)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Events> _codesPerNumber = new();
    private readonly ConcurrentDictionary<string, Events> _failuresPerNumber = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lockedUntil = new();
    private readonly ConcurrentDictionary<string, Events> _codesPerConversation = new();
    private readonly ConcurrentDictionary<string, Events> _codesPerClient = new();
    private long _lastSweepTicks;

    /// <summary>True when a code may be sent to <paramref name="msisdn"/> now; records it when so.</summary>
    public bool TryIssueCode(string msisdn, string conversationKey, string? clientAddress)
    {
        var now = time.GetUtcNow();
        SweepNowAndThen(now);
        if (IsLocked(msisdn, now)) return false;
        var perNumber = _codesPerNumber.GetOrAdd(msisdn, _ => new Events());
        var perConversation = _codesPerConversation.GetOrAdd(conversationKey, _ => new Events());
        var perClient = clientAddress is null ? null : _codesPerClient.GetOrAdd(clientAddress, _ => new Events());
        // One lock at a time, always in this order, so concurrent LINKs cannot deadlock.
        lock (perNumber)
        {
            if (perNumber.Count(now, Hour) >= options.LinkCodesPerNumberPerHour || perNumber.Count(now, Day) >= options.LinkCodesPerNumberPerDay) return false;
            lock (perConversation)
            {
                if (perConversation.Count(now, Hour) >= options.LinkCodesPerConversationPerHour) return false;
                if (perClient is not null)
                {
                    lock (perClient)
                    {
                        if (perClient.Count(now, Hour) >= options.LinkCodesPerClientPerHour) return false;
                        perClient.Add(now, Day);
                    }
                }
                perConversation.Add(now, Day);
            }
            perNumber.Add(now, Day);
        }
        return true;
    }

    /// <summary>True while too many wrong codes for this number, from any conversation, keep it from being linked.</summary>
    public bool IsLocked(string msisdn) => IsLocked(msisdn, time.GetUtcNow());

    /// <summary>Counts a wrong code for the number; enough of them within a day lock it for <see cref="AccessPolicyOptions.LinkLockDuration"/>.</summary>
    public void RecordFailure(string msisdn)
    {
        var now = time.GetUtcNow();
        var failures = _failuresPerNumber.GetOrAdd(msisdn, _ => new Events());
        lock (failures)
        {
            failures.Add(now, Day);
            if (failures.Count(now, Day) < options.LinkFailuresBeforeLock) return;
            failures.Clear();
        }
        _lockedUntil[msisdn] = now + options.LinkLockDuration;
    }

    /// <summary>The owner proved the number: their own mistakes are forgiven.</summary>
    public void RecordSuccess(string msisdn) => _failuresPerNumber.TryRemove(msisdn, out _);

    private bool IsLocked(string msisdn, DateTimeOffset now)
    {
        if (!_lockedUntil.TryGetValue(msisdn, out var until)) return false;
        if (now < until) return true;
        _lockedUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(msisdn, until));
        return false;
    }

    /// <summary>Forgets keys with nothing in the last day, at most once an hour, so the maps stay as small as the traffic.</summary>
    private void SweepNowAndThen(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < Hour.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last) return;
        foreach (var map in new[] { _codesPerNumber, _failuresPerNumber, _codesPerConversation, _codesPerClient })
        {
            foreach (var (key, events) in map)
            {
                lock (events)
                {
                    if (events.Count(now, Day) == 0) map.TryRemove(new KeyValuePair<string, Events>(key, events));
                }
            }
        }
    }

    /// <summary>Times of recent events, oldest first, pruned past the longest window asked for (small: bounded by the limits).</summary>
    private sealed class Events
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public int Count(DateTimeOffset now, TimeSpan window) => _times.Count(t => t > now - window);

        public void Add(DateTimeOffset now, TimeSpan keep)
        {
            while (_times.Count > 0 && _times.Peek() <= now - keep) _times.Dequeue();
            _times.Enqueue(now);
        }

        public void Clear() => _times.Clear();
    }
}
