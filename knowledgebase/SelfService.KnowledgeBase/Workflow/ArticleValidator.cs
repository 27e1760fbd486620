using System.Text.RegularExpressions;

namespace SelfService.KnowledgeBase;

/// <summary>Normalizes and checks article content; shared by the workflow and the importer so both refuse the same things.</summary>
internal static partial class ArticleValidator
{
    /// <summary>Hard ceiling for the SMS answer: three concatenated GSM-7 segments. Editors aim far lower.</summary>
    public const int MaxShortAnswerLength = 459;

    public const int MaxTitleLength = 200;

    public static ArticleContent Normalize(ArticleContent content) => new(
        (content.Language ?? string.Empty).Trim().ToLowerInvariant(),
        (content.Category ?? string.Empty).Trim().ToLowerInvariant(),
        (content.Title ?? string.Empty).Trim(),
        (content.Questions ?? []).Select(q => (q ?? string.Empty).Trim()).ToList(),
        (content.Keywords ?? []).Select(k => (k ?? string.Empty).Trim()).ToList(),
        (content.ShortAnswer ?? string.Empty).Trim(),
        NormalizeNewLines(content.LongAnswer ?? string.Empty).Trim());

    /// <summary>Every problem with already normalized content, prefixed with the article id when given.</summary>
    public static List<string> Check(ArticleContent content, string? articleId = null)
    {
        var prefix = articleId is null ? string.Empty : $"Article '{articleId}': ";
        var errors = new List<string>();
        void Fail(string error) => errors.Add(prefix + error);

        if (!ArticleLanguages.IsSupported(content.Language))
        {
            Fail($"language '{content.Language}' is not supported; use one of: {string.Join(", ", ArticleLanguages.All)}.");
        }

        if (!CategoryPattern().IsMatch(content.Category))
        {
            Fail("category must be a lower-case slug such as 'roaming' or 'billing'.");
        }

        if (content.Title.Length == 0)
        {
            Fail("title is empty.");
        }
        else if (content.Title.Length > MaxTitleLength)
        {
            Fail($"title is longer than {MaxTitleLength} characters.");
        }

        if (content.Questions.Count == 0)
        {
            Fail("at least one question variant is required; search matches customers' questions against them.");
        }

        for (var i = 0; i < content.Questions.Count; i++)
        {
            if (content.Questions[i].Length == 0)
            {
                Fail($"question {i + 1} is empty.");
            }
        }

        for (var i = 0; i < content.Keywords.Count; i++)
        {
            if (content.Keywords[i].Length == 0)
            {
                Fail($"keyword {i + 1} is empty.");
            }
        }

        if (content.ShortAnswer.Length == 0)
        {
            Fail("short answer is empty.");
        }
        else if (content.ShortAnswer.Length > MaxShortAnswerLength)
        {
            Fail($"short answer has {content.ShortAnswer.Length} characters; the limit is {MaxShortAnswerLength} (three SMS).");
        }
        else if (content.ShortAnswer.Contains('\n', StringComparison.Ordinal))
        {
            Fail("short answer must be one paragraph of plain text (it is sent by SMS and USSD).");
        }

        if (content.LongAnswer.Length == 0)
        {
            Fail("long answer is empty.");
        }

        return errors;
    }

    public static void ThrowIfInvalidId(string? id)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            throw new KnowledgeBaseValidationException(
                $"Article id '{id}' is not valid: use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
    }

    public static string RequireActor(string? actor, string role)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new KnowledgeBaseValidationException($"The {role} must be named; every step is recorded with who took it.");
        }

        return actor.Trim();
    }

    private static string NormalizeNewLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CategoryPattern();
}
