namespace SelfService.Channels.DirectLine;

/// <summary>Who is calling, by the bearer credential: a secret holder (any conversation) or a token for one conversation.</summary>
public sealed record DirectLineCaller(DirectLineCallerKind Kind, string? ConversationId = null)
{
    public static readonly DirectLineCaller Anonymous = new(DirectLineCallerKind.Anonymous);
    public static readonly DirectLineCaller ExpiredToken = new(DirectLineCallerKind.ExpiredToken);
    public static readonly DirectLineCaller Secret = new(DirectLineCallerKind.Secret);

    public bool IsAuthenticated => Kind is DirectLineCallerKind.Secret or DirectLineCallerKind.Token;

    public bool MayUse(string conversationId) =>
        Kind == DirectLineCallerKind.Secret || (Kind == DirectLineCallerKind.Token && string.Equals(ConversationId, conversationId, StringComparison.Ordinal));
}

public enum DirectLineCallerKind { Anonymous, ExpiredToken, Secret, Token }
