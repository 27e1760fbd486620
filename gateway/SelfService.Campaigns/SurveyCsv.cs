using System.Globalization;
using System.Text;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>
/// A survey's responses as CSV (RFC 4180, UTF-8), one row per recipient and a column per question, written as it is read.
/// A free-text answer that begins like a formula (=, +, -, @) is written with a leading apostrophe, so a spreadsheet opening
/// the file shows it rather than running it.
/// </summary>
public static class SurveyCsv
{
    public static async Task WriteAsync(TextWriter writer, SurveyDefinition survey, IAsyncEnumerable<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        string[] fixedColumns = ["response", "msisdn", "channel", "address", "language", "state", "started_at"];
        await writer.WriteAsync(string.Join(',', fixedColumns.Concat(survey.Questions.Select(q => Field(q.Id)))) + "\r\n");
        await foreach (var response in responses.WithCancellation(cancellationToken))
        {
            var row = new StringBuilder();
            row.AppendJoin(',', Field(response.Id), Field(response.Msisdn ?? ""), Field(response.Channel), Field(response.Address), Field(response.Language),
                Field(response.State.ToString().ToLowerInvariant()), Field(response.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            foreach (var question in survey.Questions)
            {
                var answer = response.Answers.LastOrDefault(a => a.QuestionId == question.Id);
                row.Append(',').Append(Field(answer?.Value is { } value && question.Kind == QuestionKind.FreeText ? Defused(value) : answer?.Value ?? ""));
            }
            await writer.WriteAsync(row.Append("\r\n").ToString());
        }
    }

    private static string Defused(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
