namespace SelfService.Storage.Surveys;

/// <summary>The recipients' survey responses, one per survey sent to them.</summary>
public interface ISurveyStore
{
    /// <summary>Stores a new response; false when one with its id is there already (a restart sending again: nothing changes).</summary>
    Task<bool> StartAsync(SurveyResponse response, CancellationToken cancellationToken);

    Task<SurveyResponse?> GetAsync(string responseId, CancellationToken cancellationToken);

    /// <summary>The newest response sent to this channel and address, in any state: where an answer from there belongs.</summary>
    Task<SurveyResponse?> LatestForAsync(string channel, string address, CancellationToken cancellationToken);

    /// <summary>Reads the response as stored and lets <paramref name="change"/> change it, in one atomic step; false leaves it.</summary>
    Task<SurveyResponseChange> ChangeAsync(string responseId, Func<SurveyResponse, bool> change, CancellationToken cancellationToken);

    /// <summary>A survey's responses in order of id, after <paramref name="afterId"/> (null: from the first): results and export page through them.</summary>
    Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(string surveyId, string? afterId, int limit, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="ISurveyStore.ChangeAsync"/>: the response as stored now (null: none), and whether it changed.</summary>
public sealed record SurveyResponseChange(SurveyResponse? Response, bool Changed);
