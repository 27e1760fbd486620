using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SelfService.Channels.DirectLine.Protocol;
using SelfService.Channels.DirectLine.Streaming;
using SelfService.Channels.DirectLine.Transcript;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// POST /conversations/{id}/upload: multipart with an "activity" part and files. Self-service has no use for files, so
/// they are read and discarded (within the size limit), the activity's text is handled like any message, and the bot
/// says in the transcript that files are not received.
/// </summary>
internal static class DirectLineUpload
{
    public static async Task<IResult> HandleAsync(
        string conversationId, HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTranscripts transcripts, ConversationStreams streams,
        ActivityMapper mapper, IInboundSink sink, IOptions<DirectLineOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = authorizer.Authorize(request);
        if (await DirectLineEndpoints.RefuseAsync(caller, conversationId, transcripts, cancellationToken) is { } refused) return refused;
        var settings = options.Value;
        if (request.ContentLength > settings.MaxUploadBytes) return DirectLineErrors.TooLarge(settings.MaxUploadBytes);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
            return DirectLineErrors.BadArgument("An upload must be multipart/form-data with an \"activity\" part.");

        Activity? activity = null;
        var files = new List<string>();
        long fileBytes = 0;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition?.Name.Value?.Trim('"') == "activity" && activity is null)
                {
                    var json = await LimitedBody.ReadAsync(section.Body, settings.MaxActivityBytes, cancellationToken);
                    if (json is null) return DirectLineErrors.TooLarge(settings.MaxActivityBytes);
                    var parsed = DirectLineEndpoints.ParseActivity(json);
                    if (parsed?.Error is { } error) return DirectLineErrors.BadArgument(error);
                    activity = parsed?.Activity;
                    continue;
                }
                var (withinLimit, length) = await LimitedBody.DrainAsync(section.Body, settings.MaxUploadBytes - fileBytes, cancellationToken);
                if (!withinLimit) return DirectLineErrors.TooLarge(settings.MaxUploadBytes);
                fileBytes += length;
                files.Add(disposition?.FileName.Value?.Trim('"') ?? disposition?.Name.Value?.Trim('"') ?? "file");
            }
        }
        catch (InvalidDataException ex)
        {
            return DirectLineErrors.BadArgument("The multipart body is malformed: " + ex.Message);
        }

        activity ??= new Activity { Type = "message" };
        var clientId = ActivityMapper.ClientId(activity);
        if (clientId == "") return DirectLineErrors.BadArgument($"The activity id may be at most {ActivityMapper.MaxClientIdLength} characters.");

        DirectLineActivityRecord echo;
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            echo = await DirectLineEndpoints.AcceptMessageAsync(activity, conversationId, request.HttpContext.Connection.RemoteIpAddress?.ToString(), sink, streams, time, cancellationToken);
        }
        else
        {
            // Nothing for the command processor: only the files, which are not kept. The echo names them.
            var key = "upload:" + conversationId + ":" + (clientId ?? Guid.NewGuid().ToString("N"));
            var named = activity with { Text = string.Join(", ", files.DefaultIfEmpty("(empty upload)")) };
            echo = (await streams.AppendAsync(ActivityMapper.UserRecord(named, conversationId, key, time.GetUtcNow()), cancellationToken)).Stored;
        }
        if (files.Count > 0)
            await streams.AppendAsync(
                mapper.BotRecord(echo.Key + ":files", conversationId, FilesNotReceived(activity.Locale), [], echo.ActivityId, time.GetUtcNow()), cancellationToken);
        return DirectLineEndpoints.Posted(echo.ActivityId);
    }

    private static string FilesNotReceived(string? locale) => ActivityMapper.LanguageHint(locale) == "en"
        ? "Files can't be received here, and yours were not kept. Please describe your question in words."
        : "Файлы здесь не принимаются, и ваши не сохранены. Пожалуйста, опишите вопрос словами.";
}
