namespace SelfService.Storage.Campaigns;

/// <summary>
/// A topic a number has stopped now (<see cref="OptOutChange.AllTopics"/>: every topic), as a move between engines carries
/// it (<see cref="StorageRecords"/>) beside the trail of changes that led to it.
/// </summary>
public sealed record StoppedTopic(string Msisdn, string Topic);
