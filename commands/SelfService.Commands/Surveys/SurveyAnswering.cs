using SelfService.ActionCodes;
using SelfService.Messaging;
using SelfService.Storage.History;
using SelfService.Storage.Surveys;

namespace SelfService.Commands.Surveys;

/// <summary>
/// A message from an address a survey went to is first offered to the survey: an answer moves it on (stored at once, in
/// one atomic change keyed by the message, so a message run again changes nothing twice); a command such as BAL that is
/// no answer runs as usual and the question keeps waiting; STOP and START always run. An answer after the survey expired
/// is told once, clearly, that it closed. Every answer is a line in the customer's timeline.
/// </summary>
internal sealed class SurveyAnswering(ISurveyStore surveys, SurveyPrompts prompts, ActionCatalogue catalogue, TimeProvider time)
{
    private readonly ActionCodeParser _parser = new(catalogue);

    public async Task<HandlerResult?> TryAnswerAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var response = await surveys.LatestForAsync(message.Channel, message.SenderAddress, cancellationToken);
        if (response is null || response.State == SurveyState.Completed || (response.State == SurveyState.Expired && response.LateAnswerTold)) return null;
        var question = response.QuestionId is { } id ? response.Survey.Find(id) : null;
        if (question is null) return null;
        var parsed = _parser.Parse(text);
        if (parsed is ActionCodeInput { Code: ActionNames.Stop or ActionNames.Start }) return null;
        var valid = SurveyAnswerReader.TryRead(question, text, out var value);
        var command = parsed is ActionCodeInput && (!valid || question.Kind == QuestionKind.FreeText);
        var now = time.GetUtcNow();

        if (SurveyFlow.IsExpired(response, now))
        {
            // Told once, and only for what reads as an answer: a BAL a week later is a BAL.
            var tell = valid && !command;
            var expired = await surveys.ChangeAsync(response.Id, r =>
            {
                if (r.State == SurveyState.Completed || r.MessageIds.Contains(message.Id)) return false;
                if (r.State == SurveyState.Expired && (r.LateAnswerTold || !tell)) return false;
                r.State = SurveyState.Expired;
                r.LateAnswerTold = tell;
                if (tell) r.MessageIds.Add(message.Id);
                r.UpdatedAt = now;
                return true;
            }, cancellationToken);
            // Told now, or on the run of this message before a crash.
            return expired.Response?.MessageIds.Contains(message.Id) == true
                ? new HandlerResult(new Reply(prompts.Closed(response, response.Language)), CommandOutcomeKind.Refused, Subject(response))
                : null;
        }
        if (command) return null;

        SurveyStep? step = null;
        var change = await surveys.ChangeAsync(response.Id, r =>
        {
            if (r.MessageIds.Contains(message.Id)) return false;
            step = SurveyFlow.Apply(r, text, valid ? value : null, now);
            if (step.Kind == SurveyStepKind.NotOpen) return false;
            r.MessageIds.Add(message.Id);
            return true;
        }, cancellationToken);
        if (change.Response is not { } stored) return null;
        // Run again after a crash: the change is in; say what it says now.
        step = change.Changed ? step! : new SurveyStep(stored.State == SurveyState.Open ? SurveyStepKind.Answered : SurveyStepKind.Completed,
            stored.QuestionId is { } current ? stored.Survey.Find(current) : null);
        if (stored.State != SurveyState.Open) context.State.Choices = null;
        if (change.Changed && step.Kind != SurveyStepKind.AskedAgain) RecordAnswer(context, stored, question);
        return new HandlerResult(ReplyFor(step, stored, message.Channel), step.Kind == SurveyStepKind.AskedAgain ? CommandOutcomeKind.Invalid : CommandOutcomeKind.Executed,
            Subject(stored));
    }

    private Reply ReplyFor(SurveyStep step, SurveyResponse response, string channel)
    {
        var language = response.Language;
        return step.Kind switch
        {
            SurveyStepKind.AskedAgain => prompts.Ask(step.Ask!, language, channel, prompts.NotUnderstood(language)),
            SurveyStepKind.GaveUp => prompts.Ask(step.Ask!, language, channel, prompts.Skipped(language)),
            SurveyStepKind.Answered when step.Ask is not null => prompts.Ask(step.Ask, language, channel),
            SurveyStepKind.GaveUpAndCompleted => new Reply(prompts.Skipped(language) + " " + prompts.Thanks(response.Survey, language)),
            _ => new Reply(prompts.Thanks(response.Survey, language)),
        };
    }

    /// <summary>"Survey: the question — the answer" in the customer's timeline, beside the message that gave it.</summary>
    private static void RecordAnswer(CommandContext context, SurveyResponse response, SurveyQuestion question)
    {
        var answer = response.Answers.LastOrDefault(a => a.QuestionId == question.Id);
        if (answer is null) return;
        var shown = answer.Value is null ? "—" : question.Kind == QuestionKind.Choice
            ? SurveyPrompts.TextOf(question.Options.FirstOrDefault(o => o.Value == answer.Value)?.Labels ?? [], response.Language)
            : answer.Value;
        context.History.Add(new HistoryEntry
        {
            Id = context.Message.Id + ":survey", Channel = context.Message.Channel, Address = context.Message.SenderAddress, Kind = HistoryKind.Action,
            Subject = Subject(response), Text = SurveyPrompts.TextOf(question.Texts, response.Language) + " — " + shown, MessageId = context.Message.Id,
            At = answer.At,
        });
    }

    private static string Subject(SurveyResponse response) => "survey:" + response.SurveyId;
}
