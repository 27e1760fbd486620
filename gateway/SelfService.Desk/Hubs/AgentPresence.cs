using System.Collections.Concurrent;

namespace SelfService.Desk.Hubs;

/// <summary>
/// Who has the desk open right now (one person may have several tabs): the dashboard's "agents online"; and which
/// connections watch the dashboard, so its figures are computed only while someone looks.
/// </summary>
public sealed class AgentPresence
{
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _figureWatchers = new(StringComparer.Ordinal);

    public void WatchFigures(string connectionId) => _figureWatchers[connectionId] = true;

    public void StopWatchingFigures(string connectionId) => _figureWatchers.TryRemove(connectionId, out _);

    public bool AnyoneWatchesFigures => !_figureWatchers.IsEmpty;

    public void Connected(string agent) => _connections.AddOrUpdate(agent, 1, (_, n) => n + 1);

    public void Disconnected(string agent)
    {
        if (_connections.AddOrUpdate(agent, 0, (_, n) => n - 1) <= 0) _connections.TryRemove(new KeyValuePair<string, int>(agent, 0));
    }

    public IReadOnlyCollection<string> Online => [.. _connections.Where(c => c.Value > 0).Select(c => c.Key).Order(StringComparer.Ordinal)];
}
