using System.Globalization;
using SelfService.Storage.Surveys;

namespace SelfService.Desk.Pages.Staff.Campaigns;

/// <summary>
/// The survey builder of the new-campaign page: questions as plain fields, options and jumps one per line, made into the
/// same <see cref="SurveyDefinition"/> the API takes (its JSON), so the back end's <c>SurveyRules</c> judge both alike.
/// What only the form can get wrong (a line that is no option or jump) is named here.
/// </summary>
public sealed class SurveyForm
{
    public List<QuestionForm> Questions { get; set; } = [];

    /// <summary>How long a recipient has to answer, in hours.</summary>
    public double ExpiresAfterHours { get; set; } = 24;

    public string? ThanksRu { get; set; }
    public string? ThanksEn { get; set; }

    /// <summary>No question has anything in it: the campaign carries no survey.</summary>
    public bool IsEmpty => Questions.All(q => q.IsBlank);

    /// <summary>The survey the fields make, or the lines that cannot be read (named by question and line).</summary>
    public (SurveyDefinition? Survey, IReadOnlyList<string> Problems) ToDefinition()
    {
        var problems = new List<string>();
        var questions = Questions.Where(q => !q.IsBlank).Select((q, i) => q.ToQuestion($"survey.questions[{i}]", problems)).ToList();
        var survey = new SurveyDefinition
        {
            Questions = questions,
            // Minutes, as the API stores them; a fraction of an hour is kept to the minute.
            ExpiresAfterMinutes = (int)Math.Round(ExpiresAfterHours * 60),
            Thanks = Texts(ThanksRu, ThanksEn),
        };
        return problems.Count == 0 ? (survey, []) : (null, problems);
    }

    internal static Dictionary<string, string> Texts(string? ru, string? en)
    {
        var texts = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(ru)) texts["ru"] = ru.Trim();
        if (!string.IsNullOrWhiteSpace(en)) texts["en"] = en.Trim();
        return texts;
    }
}

/// <summary>One question of the builder.</summary>
public sealed class QuestionForm
{
    /// <summary>What separates an option's Russian label from its English one, and a jump's answers from where it goes.</summary>
    public const char LabelSeparator = '|';
    public const string JumpArrow = "->";

    public string? Id { get; set; }
    public QuestionKind Kind { get; set; } = QuestionKind.Choice;
    public string? TextRu { get; set; }
    public string? TextEn { get; set; }

    /// <summary>A choice's options, one a line: "Русский | English"; stored as their numbers, 1 first.</summary>
    public string? Options { get; set; }

    public decimal? Min { get; set; }
    public decimal? Max { get; set; }

    /// <summary>Skip logic, one jump a line: "answers -> question id" (answers separated by commas; "end" ends the survey).</summary>
    public string? Jumps { get; set; }

    /// <summary>Where to go when no jump applies: a question id, "end", or empty for the next one.</summary>
    public string? Next { get; set; }

    public bool IsBlank => new[] { Id, TextRu, TextEn, Options, Jumps, Next }.All(string.IsNullOrWhiteSpace) && Min is null && Max is null;

    internal SurveyQuestion ToQuestion(string at, List<string> problems) => new()
    {
        Id = Id?.Trim() ?? "",
        Kind = Kind,
        Texts = SurveyForm.Texts(TextRu, TextEn),
        Options = Kind == QuestionKind.Choice ? ReadOptions(at, problems) : [],
        Min = Kind == QuestionKind.Number ? Min : null,
        Max = Kind == QuestionKind.Number ? Max : null,
        Jumps = ReadJumps(at, problems),
        Next = string.IsNullOrWhiteSpace(Next) ? null : Next.Trim(),
    };

    private List<SurveyOption> ReadOptions(string at, List<string> problems)
    {
        var options = new List<SurveyOption>();
        foreach (var (line, number) in Lines(Options))
        {
            var labels = line.Split(LabelSeparator, StringSplitOptions.TrimEntries);
            if (labels.Length > 2 || labels.All(string.IsNullOrEmpty))
            {
                problems.Add($"{at}.options, line {number}: \"{line}\" is no option; write \"Русский {LabelSeparator} English\".");
                continue;
            }
            options.Add(new SurveyOption
            {
                Value = (options.Count + 1).ToString(CultureInfo.InvariantCulture),
                Labels = SurveyForm.Texts(labels[0], labels.Length == 2 ? labels[1] : null),
            });
        }
        return options;
    }

    private List<SurveyJump> ReadJumps(string at, List<string> problems)
    {
        var jumps = new List<SurveyJump>();
        foreach (var (line, number) in Lines(Jumps))
        {
            var arrow = line.IndexOf(JumpArrow, StringComparison.Ordinal);
            var answers = arrow < 0 ? [] : line[..arrow].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var target = arrow < 0 ? "" : line[(arrow + JumpArrow.Length)..].Trim();
            if (answers.Length == 0 || target.Length == 0)
            {
                problems.Add($"{at}.jumps, line {number}: \"{line}\" is no jump; write \"1, 2 {JumpArrow} question id\" or \"no {JumpArrow} end\".");
                continue;
            }
            jumps.Add(new SurveyJump { Answers = [.. answers], GoTo = target });
        }
        return jumps;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((line, i) => (line.Trim(), i + 1)).Where(l => l.Item1.Length > 0);
}
