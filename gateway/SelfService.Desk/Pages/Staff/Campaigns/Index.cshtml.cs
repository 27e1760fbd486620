using SelfService.Campaigns;
using SelfService.Storage.Campaigns;

namespace SelfService.Desk.Pages.Staff.Campaigns;

/// <summary>The campaigns, newest first, each with its state and its current run's counts.</summary>
public sealed class IndexModel(ICampaignStore campaigns, CampaignManager manager) : CampaignPageModel
{
    public IReadOnlyList<(Campaign Campaign, CampaignProgress? Progress)> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = new List<(Campaign, CampaignProgress?)>();
        foreach (var campaign in await campaigns.ListAsync(100, cancellationToken))
            list.Add((campaign, await manager.ProgressAsync(campaign, cancellationToken)));
        Campaigns = list;
    }
}
