namespace SelfService.Speech.Text;

/// <summary>Russian cardinal numbers in words (nominative) and the plural form a count takes.</summary>
public static class RussianNumbers
{
    private static readonly string[] Units = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] Teens = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"];
    private static readonly string[] Tens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
    private static readonly string[] Hundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];

    // Thousands are feminine (две тысячи), the larger scales masculine (два миллиона).
    private static readonly (string One, string Few, string Many, GrammaticalGender Gender)[] Scales =
    [
        ("тысяча", "тысячи", "тысяч", GrammaticalGender.Feminine),
        ("миллион", "миллиона", "миллионов", GrammaticalGender.Masculine),
        ("миллиард", "миллиарда", "миллиардов", GrammaticalGender.Masculine),
        ("триллион", "триллиона", "триллионов", GrammaticalGender.Masculine),
        ("квадриллион", "квадриллиона", "квадриллионов", GrammaticalGender.Masculine),
        ("квинтиллион", "квинтиллиона", "квинтиллионов", GrammaticalGender.Masculine),
    ];

    /// <summary>1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль, 112 рублей: by the last two digits.</summary>
    public static string Plural(long count, string one, string few, string many)
    {
        var n = Math.Abs(count % 100);
        if (n is >= 11 and <= 14) return many;
        return (n % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
    }

    public static string Words(long number, GrammaticalGender gender = GrammaticalGender.Masculine)
    {
        if (number == 0) return "ноль";
        if (number < 0) return "минус " + Words(number == long.MinValue ? long.MaxValue : -number, gender);

        var parts = new List<string>();
        var groups = new List<int>();
        for (var rest = number; rest > 0; rest /= 1000) groups.Add((int)(rest % 1000));
        for (var index = groups.Count - 1; index >= 0; index--)
        {
            var group = groups[index];
            if (group == 0) continue;
            if (index == 0)
            {
                AddGroup(parts, group, gender);
                continue;
            }
            var scale = Scales[index - 1];
            AddGroup(parts, group, scale.Gender);
            parts.Add(Plural(group, scale.One, scale.Few, scale.Many));
        }
        return string.Join(' ', parts);
    }

    private static void AddGroup(List<string> parts, int group, GrammaticalGender gender)
    {
        if (group >= 100) parts.Add(Hundreds[group / 100]);
        var belowHundred = group % 100;
        if (belowHundred is >= 10 and < 20)
        {
            parts.Add(Teens[belowHundred - 10]);
            return;
        }
        if (belowHundred >= 20) parts.Add(Tens[belowHundred / 10]);
        var unit = belowHundred % 10;
        if (unit == 0) return;
        parts.Add((unit, gender) switch
        {
            (1, GrammaticalGender.Feminine) => "одна",
            (1, GrammaticalGender.Neuter) => "одно",
            (2, GrammaticalGender.Feminine) => "две",
            _ => Units[unit],
        });
    }
}
