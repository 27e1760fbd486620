using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Commands.Escalation;
using SelfService.Commands.Surveys;
using SelfService.Pipeline;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.Messages;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>
/// When an agent closes a conversation they took, the customer is asked how well they were helped, where they wrote
/// (switched on by Surveys:Csat:Enabled). The response is keyed by the ticket, so a close announced twice asks once; its
/// results are the survey "csat" in the staff API.
/// </summary>
public sealed partial class CsatSurveys(
    EscalationQueue queue, ISurveyStore surveys, IOutbox store, OutboxDispatcher outbox, SurveyPrompts prompts, IOptions<CsatOptions> options,
    TimeProvider time, ILogger<CsatSurveys> logger) : IHostedService
{
    private readonly List<Task> _sending = [];
    private readonly Lock _lock = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled) queue.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Changed -= OnChanged;
        Task[] pending;
        lock (_lock) pending = [.. _sending];
        await Task.WhenAll(pending).WaitAsync(cancellationToken);
    }

    private void OnChanged(EscalationTicket ticket, EscalationChange change)
    {
        // A conversation closed without an agent (never taken) had nobody to rate.
        if (change != EscalationChange.Closed || ticket.Agent is null) return;
        var sending = SendAsync(ticket);
        lock (_lock)
        {
            _sending.RemoveAll(t => t.IsCompleted);
            _sending.Add(sending);
        }
    }

    /// <summary>Starts the ticket's response and queues the first question; false when it was asked already.</summary>
    public async Task<bool> SendAsync(EscalationTicket ticket)
    {
        try
        {
            var survey = options.Value.SurveyOrDefault;
            var now = time.GetUtcNow();
            var id = "csat:" + ticket.Id;
            var started = await surveys.StartAsync(new SurveyResponse
            {
                Id = id, SurveyId = SurveyResponse.CsatSurveyId, Run = ticket.Id, Channel = ticket.Channel, Address = ticket.Address,
                CustomerId = ticket.CustomerId, Language = ticket.Language, Survey = survey, State = SurveyState.Open, QuestionId = survey.Questions[0].Id,
                StartedAt = now, ExpiresAt = now.AddMinutes(survey.ExpiresAfterMinutes), UpdatedAt = now,
            }, CancellationToken.None);
            if (!started) return false;
            var (text, choices) = SurveyPrompts.ForOutbox(prompts.Ask(survey.Questions[0], ticket.Language, ticket.Channel), ticket.Channel);
            var record = new OutboxRecord
            {
                Id = id, Channel = ticket.Channel, Address = ticket.Address, SessionId = ticket.SessionId, Text = text, Choices = choices,
                CustomerId = ticket.CustomerId, State = OutboxState.Pending, CreatedAt = now, NextAttemptAt = now + OutboxDispatcher.InMemoryLease,
            };
            HistoryEntry line = new()
            {
                Id = id, CustomerId = ticket.CustomerId, Channel = ticket.Channel, Address = ticket.Address, Kind = HistoryKind.Outbound, Text = text,
                Subject = "survey:" + SurveyResponse.CsatSurveyId, At = now,
            };
            await store.EnqueueAsync([record], [line], CancellationToken.None);
            outbox.Send([record]);
            return true;
        }
        catch (Exception ex)
        {
            // The close stands; a customer not asked is the only loss, and it is logged.
            LogFailed(ex, ticket.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the satisfaction survey after ticket {TicketId} closed")]
    private partial void LogFailed(Exception exception, string ticketId);
}
