using SelfService.Channels;
using SelfService.Channels.Smpp;
using SelfService.Messaging;
using SelfService.Messaging.Text;
using SelfService.Channels.Text;
using SelfService.Smpp;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>
/// An answer as each channel will show it, measured and fitted by the same code the gateway sends with
/// (<see cref="GsmMeasure"/>, <see cref="ReplySizer"/>): the editor's counter cannot disagree with the SMSC.
/// </summary>
/// <param name="SmsMaxParts">The SMS channel's part limit when it is configured: longer answers are shortened to it.</param>
public sealed record ChannelPreview(string Title, string ShortAnswer, string LongAnswer, int? SmsMaxParts)
{
    /// <summary>Telegram's sendMessage takes 1-4096 characters of text after entities are parsed (Bot API).</summary>
    public const int TelegramLimit = 4096;

    private static readonly ChannelProfile Ussd = new(ChannelNames.Ussd, ReplyForm.Ussd, 1, SenderIsMsisdn: true, Measure: GsmMeasure.Measure);

    public SmsLength Sms => GsmMeasure.Measure(ShortAnswer);

    /// <summary>How many units fit one part at the answer's length: a single SMS holds more than each part of a long one.</summary>
    public int SmsUnitsPerPart => Sms.Encoding == SmsEncoding.Gsm7
        ? Sms.Parts > 1 ? SmsLength.Gsm7Part : SmsLength.Gsm7Single
        : Sms.Parts > 1 ? SmsLength.Ucs2Part : SmsLength.Ucs2Single;

    /// <summary>Each distinct character outside the GSM-7 alphabet, in order of appearance: any one makes the SMS UCS-2.</summary>
    public IReadOnlyList<string> CharactersForcingUcs2 => ShortAnswer.EnumerateRunes()
        .Where(rune => !rune.IsBmp || GsmAlphabet.GetSeptetCount((char)rune.Value) == 0)
        .Select(rune => rune.ToString()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether Cyrillic letters are among <see cref="CharactersForcingUcs2"/>: named once, not letter by letter.</summary>
    public bool CyrillicForcesUcs2 => CharactersForcingUcs2.Any(IsCyrillic);

    /// <summary>The characters forcing UCS-2 besides Cyrillic letters: the ones an editor may not expect (« », —, №, emoji).</summary>
    public IReadOnlyList<string> OtherCharactersForcingUcs2 => CharactersForcingUcs2.Where(c => !IsCyrillic(c)).ToList();

    /// <summary>What the SMS channel sends when the answer is over its part limit; null when it goes as written.</summary>
    public string? SmsShortened => SmsMaxParts is { } max && Sms.Parts > max ? ReplySizer.Shorten(ShortAnswer, max, GsmMeasure.Measure) : null;

    public string UssdText => ReplySizer.Fit(new Reply(ShortAnswer, LongAnswer), Ussd);

    public SmsLength UssdLength => GsmMeasure.Measure(UssdText);

    public int UssdLimit => UssdLength.Encoding == SmsEncoding.Gsm7 ? ReplySizer.UssdGsm7 : ReplySizer.UssdUcs2;

    public bool UssdCut => UssdText != ShortAnswer;

    public string LongAnswerHtml => MarkdownHtml.ToHtml(LongAnswer);

    public int TelegramLength => MarkdownHtml.ToPlainText(LongAnswer).Length;

    public string EmailSubject => Title;

    /// <summary>Up to 20 characters, space-separated, "…" when there are more.</summary>
    public static string Describe(IReadOnlyList<string> characters) =>
        string.Join(' ', characters.Take(20)) + (characters.Count > 20 ? " …" : "");

    private static bool IsCyrillic(string character) => character.Length == 1 && character[0] is >= '\u0400' and <= '\u04FF';
}
