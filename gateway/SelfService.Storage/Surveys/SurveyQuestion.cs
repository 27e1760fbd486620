namespace SelfService.Storage.Surveys;

/// <summary>
/// One question of a survey: its text per language, the kind of answer it takes, and where an answer leads (skip logic):
/// the first jump whose answers hold the one given, else <see cref="Next"/>, else the question after it.
/// </summary>
public sealed class SurveyQuestion
{
    /// <summary>Unique within its survey ("q1", "reason"): the jumps and the results name it.</summary>
    public string Id { get; set; } = "";

    public QuestionKind Kind { get; set; }

    /// <summary>The question per language ("ru", "en").</summary>
    public Dictionary<string, string> Texts { get; set; } = [];

    /// <summary>A choice's options, in the order they are numbered.</summary>
    public List<SurveyOption> Options { get; set; } = [];

    /// <summary>A number's bounds, both included; null: unbounded.</summary>
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }

    public List<SurveyJump> Jumps { get; set; } = [];

    /// <summary>The question to go to when no jump applies; <see cref="SurveyJump.End"/> ends the survey; null: the next one in order.</summary>
    public string? Next { get; set; }
}

/// <summary>The kinds of answer a question takes, and the value each is stored as.</summary>
public enum QuestionKind
{
    /// <summary>One of <see cref="SurveyQuestion.Options"/>: stored as the option's value.</summary>
    Choice,

    /// <summary>Stored as "yes" or "no".</summary>
    YesNo,

    /// <summary>A score from 1 to 5, stored as its digits.</summary>
    Score5,

    /// <summary>A score from 0 to 10 (NPS), stored as its digits.</summary>
    Score10,

    /// <summary>A number (bounded by Min and Max), stored in invariant form.</summary>
    Number,

    /// <summary>Whatever the recipient writes.</summary>
    FreeText,
}
