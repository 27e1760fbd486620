using PhoneNumbers;

namespace SelfService.Messaging;

/// <summary>
/// Turns what customers and SMSCs write ("8 916 123-45-67", "79161234567", "+7 (916) 123 45 67") into E.164,
/// with libphonenumber's per-country rules. <paramref name="defaultRegion"/> applies to numbers without a country code.
/// </summary>
public sealed class MsisdnNormalizer(string defaultRegion = "RU")
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public bool TryNormalize(string? raw, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 32) return false;
        var text = raw.Trim();
        try
        {
            // SMSCs send international numbers without the "+" (TON=1); a bare 11+ digit string that is not
            // a possible national number is read as international. "Possible" (length rules) rather than
            // "valid" (known ranges): an operator's newest ranges may not be in the metadata yet.
            var number = Util.Parse(text, defaultRegion);
            if (!Util.IsPossibleNumber(number) && text.All(char.IsAsciiDigit) && text.Length >= 11)
                number = Util.Parse("+" + text, defaultRegion);
            if (!Util.IsPossibleNumber(number)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
