using SelfService.Storage.Surveys;

namespace SelfService.Storage.PostgreSql.Campaigns;

/// <summary>Survey responses (survey_responses): the record in "doc", the address and survey beside it for the two ways they are found.</summary>
internal sealed class PgSurveyStore(PgDatabase database) : ISurveyStore
{
    public Task<bool> StartAsync(SurveyResponse response, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection => await Sql.ExecuteAsync(connection, """
            INSERT INTO survey_responses (id, survey_id, channel, address, started_at, doc) VALUES (@id, @survey, @channel, @address, @started, @doc)
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken, ("id", response.Id), ("survey", response.SurveyId), ("channel", response.Channel), ("address", response.Address),
            ("started", response.StartedAt), ("doc", Documents.Of(response))) == 1, cancellationToken);

    public Task<SurveyResponse?> GetAsync(string responseId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<SurveyResponse>(connection, "SELECT doc FROM survey_responses WHERE id = @id", cancellationToken,
            ("id", responseId)), cancellationToken);

    public Task<SurveyResponse?> LatestForAsync(string channel, string address, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => Sql.DocumentAsync<SurveyResponse>(connection,
            "SELECT doc FROM survey_responses WHERE channel = @channel AND address = @address ORDER BY started_at DESC, id DESC LIMIT 1", cancellationToken,
            ("channel", channel), ("address", address)), cancellationToken);

    public Task<SurveyResponseChange> ChangeAsync(string responseId, Func<SurveyResponse, bool> change, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var stored = (await Sql.ListAsync(connection, "SELECT doc FROM survey_responses WHERE id = @id FOR UPDATE", r => r.GetString(0), cancellationToken,
                ("id", responseId))).FirstOrDefault();
            if (stored is null) return new SurveyResponseChange(null, false);
            var response = Documents.Read<SurveyResponse>(stored);
            if (!change(response)) return new SurveyResponseChange(Documents.Read<SurveyResponse>(stored), false);
            await Sql.ExecuteAsync(connection, "UPDATE survey_responses SET doc = @doc WHERE id = @id", cancellationToken,
                ("id", responseId), ("doc", Documents.Of(response)));
            return new SurveyResponseChange(response, true);
        }, cancellationToken);

    public Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(string surveyId, string? afterId, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<SurveyResponse>>(async connection => await Sql.DocumentsAsync<SurveyResponse>(connection,
            "SELECT doc FROM survey_responses WHERE survey_id = @survey AND id > @after ORDER BY id LIMIT @limit", cancellationToken,
            ("survey", surveyId), ("after", afterId ?? ""), ("limit", (long)limit)), cancellationToken);
}
