using Microsoft.Extensions.Logging;
using SelfService.Storage.History;

namespace SelfService.Channels.Voice;

/// <summary>
/// Writes each call, taken or placed, into the customer's timeline beside the messages it carried: one entry per call
/// ("call:" and its id), replaced if written again, with where the caller went, the keys and how it ended.
/// </summary>
internal sealed partial class CallTimeline(IHistoryStore history, ILogger<CallTimeline> logger)
{
    public async Task RecordAsync(CallRecord record, string? customerId)
    {
        try
        {
            await history.RecordAsync([new HistoryEntry
            {
                Id = "call:" + record.CallId, CustomerId = customerId, Channel = record.Channel, Address = record.Sender,
                IdentityKey = record.Channel + "|" + record.Sender, Kind = HistoryKind.Action, Subject = "call",
                Outcome = record.Outcome.ToString(), Text = record.Summary, At = record.StartedAt,
            }], CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The call itself went as it went; a timeline that misses it is logged, not made the caller's problem.
            LogRecordFailed(ex, record.CallId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: storing it in the timeline failed")]
    private partial void LogRecordFailed(Exception exception, string callId);
}
