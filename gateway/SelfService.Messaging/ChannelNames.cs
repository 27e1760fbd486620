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
    /// <summary>Calls over the operator's trusted SIP trunks: the caller's number is vouched for, as an SMS sender's is.</summary>
    public const string Voice = "voice";

    /// <summary>Calls from anywhere else: the number shown proves nothing, so the caller gets what anyone may hear.</summary>
    public const string VoiceUnproven = "voice-unproven";
}
