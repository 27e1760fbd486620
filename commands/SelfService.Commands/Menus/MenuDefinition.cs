namespace SelfService.Commands.Menus;

/// <summary>One menu: a title and up to nine items, each picked by its digit.</summary>
public sealed class MenuDefinition
{
    public string Id { get; set; } = "";

    /// <summary>By language (ru, en).</summary>
    public Dictionary<string, string> Title { get; set; } = [];

    public List<MenuItem> Items { get; set; } = [];

    public string TitleIn(string language) => Title.GetValueOrDefault(language) ?? Title.Values.FirstOrDefault() ?? Id;
}
