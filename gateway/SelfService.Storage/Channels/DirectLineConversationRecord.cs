namespace SelfService.Storage.Channels;

/// <summary>A Direct Line conversation the gateway started; activities for ids it never started get 404.</summary>
public sealed class DirectLineConversationRecord
{
    public string Id { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
