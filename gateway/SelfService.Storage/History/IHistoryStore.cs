namespace SelfService.Storage.History;

/// <summary>Every message and action, by customer across channels and by sender before they are linked.</summary>
public interface IHistoryStore
{
    /// <summary>Records entries in one commit. Ids are deterministic per source, so recording one again replaces it.</summary>
    Task RecordAsync(IReadOnlyList<HistoryEntry> entries, CancellationToken cancellationToken);

    /// <summary>The customer's latest <paramref name="limit"/> entries, all channels, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> ForCustomerAsync(string customerId, int limit, CancellationToken cancellationToken);

    /// <summary>What one sender said and was told, latest <paramref name="limit"/> entries, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> ForIdentityAsync(string channel, string address, int limit, CancellationToken cancellationToken);

    /// <summary>When the customer last wrote to us, on any channel (their latest inbound entry); null: never.</summary>
    Task<DateTimeOffset?> LastInboundAtAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Inbound entries with one of <paramref name="outcomes"/> since <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> InboundWithOutcomeAsync(
        IReadOnlyCollection<string> outcomes, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>After linking, what that sender said anonymously becomes the customer's. Returns how many entries moved.</summary>
    Task<int> ClaimAsync(string channel, string address, string customerId, CancellationToken cancellationToken);
}
