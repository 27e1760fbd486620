namespace SelfService.Speech.Text;

/// <summary>English cardinal numbers in words, British style ("one hundred and twenty-three").</summary>
public static class EnglishNumbers
{
    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] Scales = ["thousand", "million", "billion", "trillion", "quadrillion", "quintillion"];

    public static string Plural(long count, string one, string many) => Math.Abs(count) == 1 ? one : many;

    public static string Words(long number)
    {
        if (number == 0) return "zero";
        if (number < 0) return "minus " + Words(number == long.MinValue ? long.MaxValue : -number);

        var groups = new List<int>();
        for (var rest = number; rest > 0; rest /= 1000) groups.Add((int)(rest % 1000));
        var parts = new List<string>();
        for (var index = groups.Count - 1; index >= 0; index--)
        {
            var group = groups[index];
            if (group == 0) continue;
            // "one thousand and five": a last group under a hundred after larger ones takes "and".
            var and = index == 0 && group < 100 && groups.Count > 1;
            parts.Add((and ? "and " : "") + Group(group) + (index > 0 ? " " + Scales[index - 1] : ""));
        }
        return string.Join(' ', parts);
    }

    private static string Group(int group)
    {
        var hundreds = group / 100;
        var rest = group % 100;
        var belowHundred = rest switch
        {
            0 => "",
            < 20 => Small[rest],
            _ => Tens[rest / 10] + (rest % 10 == 0 ? "" : "-" + Small[rest % 10]),
        };
        if (hundreds == 0) return belowHundred;
        return Small[hundreds] + " hundred" + (rest == 0 ? "" : " and " + belowHundred);
    }
}
