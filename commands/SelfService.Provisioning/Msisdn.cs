using PhoneNumbers;

namespace SelfService.Provisioning;

/// <summary>
/// Brings a phone number to the E.164 form the stores key subscribers by, so that
/// "+7 916 123-45-67", "79161234567" and "+79161234567" find the same account.
/// </summary>
internal static class Msisdn
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string Normalize(string msisdn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(msisdn);
        var trimmed = msisdn.Trim();
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            trimmed = "+" + trimmed[2..];
        }
        else if (!trimmed.StartsWith('+'))
        {
            // Channels hand us international numbers without the plus (SMPP source_addr with TON=1).
            trimmed = "+" + trimmed;
        }

        try
        {
            return Util.Format(Util.Parse(trimmed, null), PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            // Not a phone number at all: keep it as typed so lookups simply find nothing.
            return trimmed;
        }
    }
}
