using SelfService.Storage.Campaigns;
using SelfService.Storage.Customers;
using SelfService.Storage.History;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>
/// Whether a subscriber is in a segment, for one walk over the subscribers. What the segment asks of the customer's
/// history (the last time they wrote) is read per subscriber, and only when asked; who answered a survey a given way is
/// read once, from that survey's responses, and held as the set of those who did (not the survey's every response).
/// </summary>
public sealed class SegmentMatcher
{
    private readonly CampaignAudience _segment;
    private readonly IHistoryStore _history;
    private readonly HashSet<string>? _answered;

    private SegmentMatcher(CampaignAudience segment, IHistoryStore history, HashSet<string>? answered)
    {
        _segment = segment;
        _history = history;
        _answered = answered;
    }

    public static async Task<SegmentMatcher> ForAsync(CampaignAudience segment, IHistoryStore history, ISurveyStore surveys, CancellationToken cancellationToken)
    {
        if (segment.AnsweredSurvey is not { } filter) return new SegmentMatcher(segment, history, null);
        var values = filter.Values.Select(v => v.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (await surveys.ResponsesAsync(filter.SurveyId, after, 500, cancellationToken) is { Count: > 0 } page)
        {
            foreach (var response in page)
            {
                // The answer they gave last to the question (an invalid one given up on has no value and does not count).
                var answer = response.Answers.LastOrDefault(a => a.QuestionId == filter.QuestionId && a.Value is not null);
                if (answer is null || (values.Count > 0 && !values.Contains(answer.Value!))) continue;
                if (response.Msisdn is { } msisdn) answered.Add("n:" + msisdn);
                if (response.CustomerId is { } customerId) answered.Add("c:" + customerId);
            }
            after = page[^1].Id;
        }
        return new SegmentMatcher(segment, history, answered);
    }

    public async ValueTask<bool> FitsAsync(ProvisionedSubscriber subscriber, Customer? customer, CancellationToken cancellationToken)
    {
        if (!Fits(_segment, subscriber, customer)) return false;
        if (_answered is not null && !_answered.Contains("n:" + subscriber.Msisdn) && !(customer is not null && _answered.Contains("c:" + customer.Id)))
            return false;
        if (_segment.LastContactAfter is null && _segment.LastContactBefore is null) return true;
        var last = customer is null ? null : await _history.LastInboundAtAsync(customer.Id, cancellationToken);
        if (_segment.LastContactAfter is { } after && !(last >= after)) return false;
        // "Before" holds those who never wrote, too: not heard from since then.
        return _segment.LastContactBefore is not { } before || last is null || last < before;
    }

    /// <summary>What the subscriber record and the customer's profile alone decide: every list the segment gives must hold them (an empty list holds everyone).</summary>
    public static bool Fits(CampaignAudience segment, ProvisionedSubscriber subscriber, Customer? customer)
    {
        var language = customer?.Language ?? subscriber.Language;
        return (segment.Languages.Count == 0 || segment.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            && (segment.Tariffs.Count == 0 || segment.Tariffs.Contains(subscriber.TariffCode, StringComparer.OrdinalIgnoreCase))
            && (segment.Services.Count == 0 || subscriber.Services.Any(s => IsActive(s) && segment.Services.Contains(s.Code, StringComparer.OrdinalIgnoreCase)))
            && (segment.NumberPrefixes.Count == 0 || segment.NumberPrefixes.Any(p => subscriber.Msisdn.StartsWith(p, StringComparison.Ordinal)))
            && (segment.LinkedChannels.Count == 0
                || (customer?.Identities.Any(i => segment.LinkedChannels.Contains(i.Channel, StringComparer.OrdinalIgnoreCase)) ?? false));
    }

    public static bool IsActive(SubscribedServiceState service) => string.Equals(service.State, "active", StringComparison.OrdinalIgnoreCase);
}
