using System.Globalization;
using System.Numerics;

namespace SelfService.Smpp;

/// <summary>Matches the message id of a submit_sm_resp with the id in its delivery receipt.</summary>
/// <remarks>
/// <para>SMSCs do not agree on how they write the same id: a submit_sm_resp may say <c>1A2B</c> (hex) and the receipt
/// <c>6699</c> (the same number in decimal), or <c>0001a2b</c> (case, leading zeros). This is the most common cause of
/// receipts that match no message (Kannel's msg-id-type setting exists for it).</para>
/// <para>The rule: store every key of <see cref="MatchKeys"/> for the submit_sm_resp id, and look a receipt up by its keys in
/// order, stopping at the first hit. The first key is the <see cref="Normalize">normalized text</see>, so ids that are the
/// same text always win. The second key is the number the id denotes: read as hex for a submit_sm_resp id (whenever it is
/// all hex digits), and as decimal for a receipt id (whenever it is all decimal digits). So the hex-in-resp/decimal-in-receipt
/// convention matches, and ids in the same base match on the first key already.</para>
/// <para>An id like <c>10</c> is both valid hex and decimal: on its own it is ambiguous, which is why the exact key is tried
/// first. Keep the lookup to messages of the same SMSC connection to keep collisions away.</para>
/// </remarks>
public static class MessageIds
{
    /// <summary>The id trimmed, upper-cased, without leading zeros (an all-zero id stays "0").</summary>
    public static string Normalize(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var span = id.AsSpan().Trim();
        int zeros = 0;
        while (zeros < span.Length - 1 && span[zeros] == '0') zeros++;
        return span[zeros..].ToString().ToUpperInvariant();
    }

    /// <summary>The lookup keys of an id, strongest first: the normalized text, then "#" and the number it denotes.</summary>
    public static IReadOnlyList<string> MatchKeys(string id, MessageIdOrigin origin)
    {
        var text = Normalize(id);
        if (text.Length == 0) return [];
        var number = origin == MessageIdOrigin.SubmitResponse ? ParseHex(text) : ParseDecimal(text);
        return number is { } n ? [text, "#" + n.ToString(CultureInfo.InvariantCulture)] : [text];
    }

    /// <summary>True when a submit_sm_resp id and a receipt id denote the same message by the rule above.</summary>
    public static bool Match(string submitResponseId, string receiptId)
    {
        var submit = MatchKeys(submitResponseId, MessageIdOrigin.SubmitResponse);
        return MatchKeys(receiptId, MessageIdOrigin.Receipt).Any(submit.Contains);
    }

    private static BigInteger? ParseHex(string text) =>
        text.Length <= 64 && BigInteger.TryParse("0" + text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static BigInteger? ParseDecimal(string text) =>
        text.Length <= 64 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
