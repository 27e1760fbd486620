using System.Globalization;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>The gateway's SMS channel bound to an SMSC peer as a transceiver, with quick reconnects and backoffs for tests.</summary>
internal static class SmsGatewaySettings
{
    /// <summary>The number customers write to.</summary>
    public const string ShortCode = "1212";

    public static Dictionary<string, string?> For(NodeSmsc smsc) => new()
    {
        ["Channels:Sms:Enabled"] = "true",
        ["Channels:Sms:Smpp:Host"] = "127.0.0.1",
        ["Channels:Sms:Smpp:Port"] = smsc.Port.ToString(CultureInfo.InvariantCulture),
        ["Channels:Sms:Smpp:SystemId"] = "selfservice",
        ["Channels:Sms:Smpp:Password"] = "secret",
        ["Channels:Sms:Smpp:EnquireLinkInterval"] = "00:00:01",
        ["Channels:Sms:Smpp:ReconnectMinDelay"] = "00:00:00.200",
        ["Channels:Sms:Smpp:ReconnectMaxDelay"] = "00:00:01",
        ["Channels:Sms:Smpp:ThrottledBackoff"] = "00:00:00.100",
        ["Channels:Sms:Smpp:ThrottledBackoffMax"] = "00:00:00.500",
        ["Channels:Sms:SourceAddress"] = ShortCode,
        ["AccessPolicies:MessagesPerMinute"] = "1000",
    };
}
