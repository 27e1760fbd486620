using LiteDB;

namespace SelfService.Channels.DirectLine.Transcript;

/// <summary>A conversation the gateway started; activities for ids it never started get 404.</summary>
public sealed class DirectLineConversationRecord
{
    [BsonId]
    public string Id { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
