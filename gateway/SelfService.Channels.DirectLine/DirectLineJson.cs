using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SelfService.Channels.DirectLine.Protocol;

namespace SelfService.Channels.DirectLine;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(Conversation))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TokenClaims))]
[JsonSerializable(typeof(PageSessionRequest))]
[JsonSerializable(typeof(PageSession))]
internal sealed partial class DirectLineJson : JsonSerializerContext
{
    /// <summary>
    /// Cyrillic written as itself rather than \uXXXX (a Russian answer is a quarter of the size); characters that matter
    /// in HTML are still escaped.
    /// </summary>
    public static DirectLineJson Wire { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
