namespace SelfService.Storage;

/// <summary>"channel|address": how conversations, identities and history name one sender on one channel.</summary>
public static class IdentityKeys
{
    public static string Of(string channel, string address) => channel + "|" + address;
}
