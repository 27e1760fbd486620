namespace SelfService.Storage.Conversations;

/// <summary>
/// What the gateway remembers per sender between two messages. A state is read here and written back as part of the
/// message's <see cref="Messages.ProcessingCommit"/>; an engine may skip writing a state that did not change.
/// </summary>
public interface IConversationStore
{
    /// <summary>The state of <paramref name="address"/> on <paramref name="channel"/>; a fresh one when there is none.</summary>
    Task<ConversationState> GetAsync(string channel, string address, CancellationToken cancellationToken);
}
