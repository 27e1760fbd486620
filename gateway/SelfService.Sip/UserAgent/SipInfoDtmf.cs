namespace SelfService.Sip;

/// <summary>
/// Digits in SIP INFO bodies: application/dtmf-relay ("Signal=5\r\nDuration=160", the de-facto format of Cisco and
/// most PBXs) and application/dtmf (the digit alone).
/// </summary>
internal static class SipInfoDtmf
{
    public static char? Read(string? contentType, string body)
    {
        string? signal = null;
        if (contentType == "application/dtmf")
        {
            signal = body.Trim();
        }
        else if (contentType == "application/dtmf-relay")
        {
            foreach (var line in body.ReplaceLineEndings("\n").Split('\n'))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && line[..eq].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase)) signal = line[(eq + 1)..].Trim();
            }
        }
        if (signal is not { Length: 1 }) return null;
        return TelephoneEvent.EventOf(signal[0]) is null ? null : char.ToUpperInvariant(signal[0]);
    }
}
