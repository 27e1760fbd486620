using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.Commands.Menus;

/// <summary>
/// The operator's menus (menus.json): what a USSD service code opens, and what each item does. Items run
/// action codes from the catalogue, so a menu is only another way to type "ACT ROAMING".
/// </summary>
public sealed class MenuCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, MenuDefinition> _menus;
    private readonly Dictionary<string, string> _serviceCodes;

    private MenuCatalogue(string root, Dictionary<string, MenuDefinition> menus, Dictionary<string, string> serviceCodes)
    {
        Root = root;
        _menus = menus;
        _serviceCodes = serviceCodes;
    }

    /// <summary>An operator with no menus: MENU shows the help text, service codes are questions.</summary>
    public static MenuCatalogue Empty { get; } = new("", [], []);

    /// <summary>The menu MENU opens.</summary>
    public string Root { get; }

    public static MenuCatalogue Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (MenuCatalogueException ex)
        {
            throw new MenuCatalogueException($"{path}: {ex.Message}", ex);
        }
    }

    public static MenuCatalogue Parse(string json)
    {
        MenuFile file;
        try
        {
            file = JsonSerializer.Deserialize<MenuFile>(json, Json) ?? throw new MenuCatalogueException("the file is empty");
        }
        catch (JsonException ex)
        {
            throw new MenuCatalogueException("not a valid menu file: " + ex.Message, ex);
        }

        var menus = new Dictionary<string, MenuDefinition>(StringComparer.Ordinal);
        foreach (var menu in file.Menus)
        {
            if (string.IsNullOrWhiteSpace(menu.Id)) throw new MenuCatalogueException("a menu has no id");
            if (menu.Items.Count is 0 or > 9) throw new MenuCatalogueException($"menu '{menu.Id}' must have 1 to 9 items (digits pick them)");
            if (!menus.TryAdd(menu.Id, menu)) throw new MenuCatalogueException($"menu '{menu.Id}' is defined twice");
        }
        foreach (var menu in file.Menus)
        foreach (var item in menu.Items)
        {
            if ((item.Menu is null) == (item.Action is null))
                throw new MenuCatalogueException($"an item of menu '{menu.Id}' must have exactly one of \"menu\" or \"action\"");
            if (item.Menu is not null && !menus.ContainsKey(item.Menu))
                throw new MenuCatalogueException($"menu '{menu.Id}' points to unknown menu '{item.Menu}'");
        }
        foreach (var (code, target) in file.ServiceCodes)
            if (!menus.ContainsKey(target)) throw new MenuCatalogueException($"service code {code} opens unknown menu '{target}'");
        if (!menus.ContainsKey(file.Root)) throw new MenuCatalogueException($"the root menu '{file.Root}' is not defined");

        return new MenuCatalogue(file.Root, menus, new Dictionary<string, string>(file.ServiceCodes, StringComparer.OrdinalIgnoreCase));
    }

    public MenuDefinition? Find(string id) => _menus.GetValueOrDefault(id);

    /// <summary>The menu a dialled service code ("*100#") opens, if any. Spaces are ignored.</summary>
    public MenuDefinition? ForServiceCode(string text)
    {
        var code = text.Replace(" ", "", StringComparison.Ordinal);
        return _serviceCodes.TryGetValue(code, out var id) ? _menus[id] : null;
    }

    private sealed class MenuFile
    {
        [JsonPropertyName("$comment")]
        public JsonElement Comment { get; set; }

        public Dictionary<string, string> ServiceCodes { get; set; } = [];
        public string Root { get; set; } = "";
        public List<MenuDefinition> Menus { get; set; } = [];
    }
}
