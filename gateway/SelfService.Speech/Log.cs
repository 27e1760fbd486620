using Microsoft.Extensions.Logging;

namespace SelfService.Speech;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Speech synthesis failed ({Failure}) for {Language}: {Reason}")]
    public static partial void SynthesisFailed(ILogger logger, SpeechFailure failure, string language, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Speech text of {Length} characters cut to {Kept} (Speech:MaxTextLength {Limit})")]
    public static partial void TextTruncated(ILogger logger, int length, int kept, int limit);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Recorded prompt {Path} is not used, the synthesized prompt plays instead: {Reason}")]
    public static partial void RecordedPromptInvalid(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Recorded prompts loaded from {Folder}: {Count} usable, {Problems} not")]
    public static partial void RecordedPromptsLoaded(ILogger logger, string folder, int count, int problems);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Speech cache file {Path} is unreadable and is synthesized again: {Reason}")]
    public static partial void CacheFileUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Speech cache file {Path} could not be written; the prompt stays in memory only")]
    public static partial void CacheFileNotWritten(ILogger logger, Exception exception, string path);
}
