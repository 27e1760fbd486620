namespace SelfService.Storage.Campaigns;

/// <summary>The outcome of <see cref="ICampaignStore.ChangeAsync"/>: the campaign as stored now (null: no such campaign), and whether it changed.</summary>
public sealed record CampaignChange(Campaign? Campaign, bool Changed);
