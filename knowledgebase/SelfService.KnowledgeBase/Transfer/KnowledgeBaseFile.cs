using System.Text.Json.Serialization;

namespace SelfService.KnowledgeBase.Transfer;

/// <summary>The JSON file the importer reads and the exporter writes (see samples/knowledgebase/README.md).</summary>
internal sealed class KnowledgeBaseFile
{
    public const string CurrentFormat = "selfservice-kb/1";

    public string? Format { get; set; }

    /// <summary>Free text for people reading the file; ignored on import.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Operator { get; set; }

    public List<ArticleEntry>? Articles { get; set; }
}
