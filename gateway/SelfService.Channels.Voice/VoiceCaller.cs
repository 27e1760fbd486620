using System.Globalization;
using System.Net;
using SelfService.Messaging;

namespace SelfService.Channels.Voice;

/// <summary>
/// Who is calling, as far as the gateway can tell. Over a trusted trunk the caller's number is their MSISDN, vouched for as
/// an SMS sender's is (channel "voice"); from anywhere else the sender is the SIP caller at its address on the unproven
/// channel ("voice-unproven"), a stranger who gets public answers only and can never pass for the number's owner.
/// </summary>
internal sealed record VoiceCaller(string Channel, string SenderAddress, string? Msisdn)
{
    public static VoiceCaller Of(IVoiceCall call, TrunkTrust trust, MsisdnNormalizer numbers) =>
        trust.IsTrusted(call.RemoteAddress) && numbers.TryNormalize(call.Caller, out var msisdn)
            ? new VoiceCaller(ChannelNames.Voice, msisdn, msisdn)
            : new VoiceCaller(ChannelNames.VoiceUnproven, string.Create(CultureInfo.InvariantCulture, $"sip:{Printable(call.Caller)}@{call.RemoteAddress}"), null);

    /// <summary>A From user part is the caller's to write: kept to what an address may hold, and not too long.</summary>
    private static string Printable(string caller)
    {
        var kept = new string([.. caller.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.' or '_').Take(64)]);
        return kept.Length == 0 ? "anonymous" : kept;
    }
}
