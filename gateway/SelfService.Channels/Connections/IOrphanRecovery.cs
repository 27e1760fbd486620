using SelfService.Messaging;

namespace SelfService.Channels.Connections;

/// <summary>
/// When an instance takes over a leased connection from an owner that died (or was paused past its lease), what that
/// owner accepted on it but never finished is finished here: the messages it stored but had not processed are processed,
/// and the replies it committed but had not sent are sent now rather than when their in-memory hand-over would have lapsed.
/// Every earlier holder of the lease has a smaller token than <paramref name="takenOver"/>'s, and the store refuses what
/// they would still commit (a message, the outcome of one they had in memory), so nothing is committed twice.
/// </summary>
public interface IOrphanRecovery
{
    Task<int> RecoverAsync(ConnectionFence takenOver, CancellationToken cancellationToken);
}
