using System.Globalization;
using SelfService.Storage.Surveys;

namespace SelfService.Commands.Surveys;

/// <summary>
/// Reads what a recipient wrote (or the button they pressed, which sends its label) as an answer to one question, in the
/// form it is stored and counted: an option's value, "yes"/"no", a score's digits, an invariant number, or the text.
/// </summary>
public static class SurveyAnswerReader
{
    public const int MaxFreeTextLength = 1000;

    private static readonly HashSet<string> Yes = new(["да", "д", "yes", "y", "ага", "конечно"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["нет", "н", "no", "n", "неа"], StringComparer.OrdinalIgnoreCase);

    public static bool TryRead(SurveyQuestion question, string text, out string value)
    {
        var answer = text.Trim().TrimEnd('.', '!', ')');
        value = "";
        if (answer.Length == 0) return false;
        switch (question.Kind)
        {
            case QuestionKind.Choice:
                if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= question.Options.Count)
                {
                    value = question.Options[number - 1].Value;
                    return true;
                }
                var option = question.Options.FirstOrDefault(o => string.Equals(o.Value, answer, StringComparison.OrdinalIgnoreCase)
                    || o.Labels.Values.Any(l => string.Equals(l.Trim(), answer, StringComparison.OrdinalIgnoreCase)));
                value = option?.Value ?? "";
                return option is not null;
            case QuestionKind.YesNo:
                value = Yes.Contains(answer) ? "yes" : No.Contains(answer) ? "no" : "";
                return value.Length > 0;
            case QuestionKind.Score5:
                return TryScore(answer, 1, 5, out value);
            case QuestionKind.Score10:
                return TryScore(answer, 0, 10, out value);
            case QuestionKind.Number:
                // "1500", "1 500", "12,5" (Russian) and "12.5" alike.
                var digits = answer.Replace(" ", "", StringComparison.Ordinal).Replace('\u00A0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
                if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                    || amount < question.Min || amount > question.Max) return false;
                value = amount.ToString(CultureInfo.InvariantCulture);
                return true;
            default:
                value = text.Trim();
                if (value.Length > MaxFreeTextLength) value = value[..MaxFreeTextLength];
                return true;
        }
    }

    private static bool TryScore(string answer, int min, int max, out string value)
    {
        value = "";
        if (!int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score < min || score > max) return false;
        value = score.ToString(CultureInfo.InvariantCulture);
        return true;
    }
}
