using SelfService.Storage.Surveys;

namespace SelfService.Commands.Surveys;

/// <summary>
/// What makes a survey sendable, each fault said in words (the campaign API answers 400 with all of them; the CSAT
/// survey in configuration is refused at start): questions with unique ids and a text in the default language, choices
/// with options, jumps only forward (so no survey loops) to questions that exist, and a positive time to answer.
/// </summary>
public static class SurveyRules
{
    public const int MaxQuestions = 20;

    public static IReadOnlyList<string> Check(SurveyDefinition survey, string defaultLanguage, string prefix = "survey")
    {
        var problems = new List<string>();
        if (survey.Questions.Count is 0 or > MaxQuestions) problems.Add($"{prefix}.questions: from 1 to {MaxQuestions} questions.");
        if (survey.ExpiresAfterMinutes <= 0) problems.Add($"{prefix}.expiresAfterMinutes: more than 0.");
        var ids = survey.Questions.Select(q => q.Id?.Trim() ?? "").ToList();
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            var question = survey.Questions[i];
            var at = $"{prefix}.questions[{i}]";
            if (string.IsNullOrWhiteSpace(question.Id) || question.Id == SurveyJump.End) problems.Add($"{at}.id: required, and not \"{SurveyJump.End}\".");
            else if (ids.Count(id => id == question.Id) > 1) problems.Add($"{at}.id: \"{question.Id}\" is used twice.");
            if (!question.Texts.TryGetValue(defaultLanguage, out var text) || string.IsNullOrWhiteSpace(text))
                problems.Add($"{at}.texts: the question in \"{defaultLanguage}\" (the default language) is required.");
            if (question.Kind == QuestionKind.Choice && (question.Options.Count < 2 || question.Options.Any(o => string.IsNullOrWhiteSpace(o.Value) || o.Labels.Count == 0)))
                problems.Add($"{at}.options: a choice needs at least two options, each with a value and a label.");
            if (question.Kind == QuestionKind.Choice && question.Options.Select(o => o.Value).Distinct(StringComparer.OrdinalIgnoreCase).Count() != question.Options.Count)
                problems.Add($"{at}.options: two options have one value.");
            if (question.Min > question.Max) problems.Add($"{at}.min: more than max.");
            foreach (var target in question.Jumps.Select(j => j.GoTo).Append(question.Next).OfType<string>())
            {
                if (target == SurveyJump.End) continue;
                var index = ids.IndexOf(target);
                if (index < 0) problems.Add($"{at}: jumps to \"{target}\", which is no question of this survey.");
                else if (index <= i) problems.Add($"{at}: jumps back to \"{target}\"; a survey only goes forward.");
            }
        }
        return problems;
    }
}
