using SelfService.Storage.Messages;

namespace SelfService.Storage.Campaigns;

/// <summary>Campaigns, the numbers uploaded for them, and their recipients, one due row each.</summary>
public interface ICampaignStore
{
    /// <summary>Stores a new campaign; false when one with its id exists already (nothing is changed).</summary>
    Task<bool> CreateAsync(Campaign campaign, CancellationToken cancellationToken);

    Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>The newest campaigns first.</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Campaigns in any of <paramref name="states"/> (what a starting gateway schedules again).</summary>
    Task<IReadOnlyList<Campaign>> InStatesAsync(IReadOnlyList<CampaignState> states, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the campaign as stored and lets <paramref name="change"/> change it, in one atomic step (two staff pausing and
    /// cancelling at once: one change sees the other's). <paramref name="change"/> returns false to leave it as it was.
    /// </summary>
    Task<CampaignChange> ChangeAsync(string campaignId, Func<Campaign, bool> change, CancellationToken cancellationToken);

    /// <summary>Adds numbers to a campaign's uploaded list; returns how many were new (the rest were listed already).</summary>
    Task<int> AddListNumbersAsync(string campaignId, IReadOnlyList<string> msisdns, CancellationToken cancellationToken);

    /// <summary>The uploaded numbers in order of number, after <paramref name="afterMsisdn"/> (null: from the first).</summary>
    Task<IReadOnlyList<string>> ListNumbersAsync(string campaignId, string? afterMsisdn, int limit, CancellationToken cancellationToken);

    /// <summary>Adds recipient rows; those whose id is there already are left as they are. Returns how many were new.</summary>
    Task<int> AddRecipientsAsync(IReadOnlyList<CampaignRecipient> recipients, CancellationToken cancellationToken);

    /// <summary>The run's pending recipients in <see cref="CampaignRecipient.Sequence"/> order, after <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<CampaignRecipient>> PendingAsync(string campaignId, string run, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The run's recipients in any state, in <see cref="CampaignRecipient.Sequence"/> order, after <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<CampaignRecipient>> RecipientsAsync(string campaignId, string run, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The highest sequence of the run's recipients, -1 for none (where writing out the audience goes on after a restart).</summary>
    Task<long> LastSequenceAsync(string campaignId, string run, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the recipients' new state and queues <paramref name="outbox"/> in one commit: a recipient is marked handed
    /// over exactly when its message is in the outbox, so a restart neither loses nor repeats it. Outbox ids already
    /// there are skipped.
    /// </summary>
    Task HandOverAsync(IReadOnlyList<CampaignRecipient> recipients, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken);

    /// <summary>Marks every pending recipient of the run <see cref="RecipientState.Cancelled"/>; returns how many.</summary>
    Task<int> CancelPendingAsync(string campaignId, string run, CancellationToken cancellationToken);

    /// <summary>The run's counts, joined with its outbox messages and their receipts.</summary>
    Task<CampaignProgress> ProgressAsync(string campaignId, string run, CancellationToken cancellationToken);
}
