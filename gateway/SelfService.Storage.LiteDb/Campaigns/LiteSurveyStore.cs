using LiteDB;
using SelfService.Storage.Surveys;

namespace SelfService.Storage.LiteDb.Campaigns;

/// <summary>Survey responses in "survey_responses", indexed by the address they went to (answers come from there) and by survey.</summary>
internal sealed class LiteSurveyStore : ISurveyStore
{
    public const string Collection = "survey_responses";

    private readonly ILiteCollection<SurveyResponse> _responses;
    private readonly GroupCommitWriter _writer;

    public LiteSurveyStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _responses = database.GetCollection<SurveyResponse>(Collection);
        _responses.EnsureIndex(r => r.Address);
        _responses.EnsureIndex(r => r.SurveyId);
    }

    public Task<bool> StartAsync(SurveyResponse response, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var responses = db.GetCollection<SurveyResponse>(Collection);
            if (responses.FindById(response.Id) is not null) return false;
            responses.Insert(response);
            return true;
        }, cancellationToken);

    public Task<SurveyResponse?> GetAsync(string responseId, CancellationToken cancellationToken) =>
        Task.FromResult<SurveyResponse?>(_responses.FindById(responseId));

    public Task<SurveyResponse?> LatestForAsync(string channel, string address, CancellationToken cancellationToken) =>
        Task.FromResult(_responses.Find(Filters.Equal(nameof(SurveyResponse.Address), address))
            .Where(r => r.Channel == channel).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).FirstOrDefault());

    public Task<SurveyResponseChange> ChangeAsync(string responseId, Func<SurveyResponse, bool> change, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var responses = db.GetCollection<SurveyResponse>(Collection);
            var response = responses.FindById(responseId);
            if (response is null) return new SurveyResponseChange(null, false);
            if (!change(response)) return new SurveyResponseChange(responses.FindById(responseId), false);
            responses.Update(response);
            return new SurveyResponseChange(response, true);
        }, cancellationToken);

    public Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(string surveyId, string? afterId, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<SurveyResponse> page = [.. _responses.Query()
            .Where(Filters.Equal(nameof(SurveyResponse.SurveyId), surveyId))
            .Where(BsonExpression.Create("$._id > @0", afterId ?? ""))
            .OrderBy("$._id").Limit(Math.Max(0, limit)).ToList()];
        return Task.FromResult(page);
    }
}
