namespace SelfService.Commands.Menus;

/// <summary>A menu line: it opens <see cref="Menu"/>, or runs <see cref="Action"/> as if the customer had typed it.</summary>
public sealed class MenuItem
{
    public Dictionary<string, string> Label { get; set; } = [];
    public string? Menu { get; set; }
    public string? Action { get; set; }

    public string LabelIn(string language) => Label.GetValueOrDefault(language) ?? Label.Values.FirstOrDefault() ?? Action ?? Menu ?? "";
}
