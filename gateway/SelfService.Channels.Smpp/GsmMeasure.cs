using SelfService.Messaging;
using SelfService.Messaging.Text;
using SelfService.Smpp;

namespace SelfService.Channels.Smpp;

/// <summary>
/// Measures a text as SMS carries it, with the SMPP library's GSM 03.38 tables: GSM-7 when every character has a septet
/// (an extension character takes two), UCS-2 otherwise, and the parts at the standard 153/67 a part. A channel that
/// speaks GSM-7 or UCS-2 puts <see cref="Measure"/> in its <see cref="ChannelProfile"/>.
/// </summary>
public static class GsmMeasure
{
    public static SmsLength Measure(string text)
    {
        var septets = GsmAlphabet.GetSeptetCount(text);
        return septets >= 0
            ? new SmsLength(SmsEncoding.Gsm7, septets, PartsFor(septets, SmsLength.Gsm7Single, SmsLength.Gsm7Part))
            : new SmsLength(SmsEncoding.Ucs2, text.Length, PartsFor(text.Length, SmsLength.Ucs2Single, SmsLength.Ucs2Part));
    }

    private static int PartsFor(int units, int single, int part) =>
        units <= single ? 1 : (units + part - 1) / part;
}
