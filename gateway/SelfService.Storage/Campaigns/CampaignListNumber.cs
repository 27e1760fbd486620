namespace SelfService.Storage.Campaigns;

/// <summary>One number of a campaign's uploaded list, as a move between engines carries it (<see cref="StorageRecords"/>).</summary>
public sealed record CampaignListNumber(string CampaignId, string Msisdn);
