namespace SelfService.Messaging;

/// <summary>The names channels are known by in envelopes, the store, configuration and statistics.</summary>
public static class ChannelNames
{
    public const string WebChat = "webchat";
    public const string Sms = "sms";
    public const string Ussd = "ussd";
    public const string Email = "email";
    public const string Telegram = "telegram";
    public const string DirectLine = "directline";
    public const string Voice = "voice";
}
