using SelfService.Storage.Surveys;

namespace SelfService.Commands.Surveys;

/// <summary>
/// Moves a response on by one answer: a valid answer is stored and the skip logic picks the next question; an invalid
/// one is asked again, at most <see cref="MaxReasks"/> times, after which the question is given up on (stored with no
/// value) and the survey goes on. Pure: the caller stores the response in one atomic change.
/// </summary>
public static class SurveyFlow
{
    public const int MaxReasks = 2;

    public static SurveyStep Apply(SurveyResponse response, string text, string? value, DateTimeOffset now)
    {
        var question = response.QuestionId is { } id ? response.Survey.Find(id) : null;
        if (response.State != SurveyState.Open || question is null) return new SurveyStep(SurveyStepKind.NotOpen, null);
        response.UpdatedAt = now;
        if (value is null)
        {
            response.InvalidAnswers++;
            if (response.InvalidAnswers <= MaxReasks) return new SurveyStep(SurveyStepKind.AskedAgain, question);
        }
        response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Value = value, Text = text.Trim(), At = now });
        var gaveUp = value is null;
        response.InvalidAnswers = 0;
        var next = NextOf(response.Survey, question, value);
        if (next is null)
        {
            response.State = SurveyState.Completed;
            response.QuestionId = null;
            return new SurveyStep(gaveUp ? SurveyStepKind.GaveUpAndCompleted : SurveyStepKind.Completed, null);
        }
        response.QuestionId = next.Id;
        return new SurveyStep(gaveUp ? SurveyStepKind.GaveUp : SurveyStepKind.Answered, next);
    }

    /// <summary>The first jump holding the answer, else the question's Next, else the one after it; null: the survey ends.</summary>
    public static SurveyQuestion? NextOf(SurveyDefinition survey, SurveyQuestion question, string? value)
    {
        var target = value is null ? null : question.Jumps.FirstOrDefault(j => j.Answers.Contains(value, StringComparer.OrdinalIgnoreCase))?.GoTo;
        target ??= question.Next;
        if (target == SurveyJump.End) return null;
        if (target is not null) return survey.Find(target);
        var index = survey.Questions.IndexOf(question);
        return index + 1 < survey.Questions.Count ? survey.Questions[index + 1] : null;
    }

    /// <summary>True once the time to answer has passed (the state says so only after an answer came or expiry was recorded).</summary>
    public static bool IsExpired(SurveyResponse response, DateTimeOffset now) =>
        response.State == SurveyState.Expired || (response.State == SurveyState.Open && now >= response.ExpiresAt);
}

/// <summary>What one answer did, and the question to ask now (null: none).</summary>
public sealed record SurveyStep(SurveyStepKind Kind, SurveyQuestion? Ask);

public enum SurveyStepKind
{
    Answered,
    AskedAgain,
    GaveUp,
    Completed,
    GaveUpAndCompleted,
    NotOpen,
}
