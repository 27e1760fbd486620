namespace SelfService.Storage.Campaigns;

/// <summary>Who stopped which campaign topics, and the trail of every stop and resume.</summary>
public interface IOptOutStore
{
    /// <summary>
    /// Records the change and applies it, in one commit: stopping <see cref="OptOutChange.AllTopics"/> stops every topic;
    /// resuming it resumes every topic. A change whose id is recorded already is not applied again. Returns false then.
    /// </summary>
    Task<bool> ApplyAsync(OptOutChange change, CancellationToken cancellationToken);

    /// <summary>The topics the number has stopped (<see cref="OptOutChange.AllTopics"/> among them when it stopped all).</summary>
    Task<IReadOnlySet<string>> StoppedTopicsAsync(string msisdn, CancellationToken cancellationToken);

    /// <summary>Every change for the number, oldest first.</summary>
    Task<IReadOnlyList<OptOutChange>> HistoryAsync(string msisdn, CancellationToken cancellationToken);
}
