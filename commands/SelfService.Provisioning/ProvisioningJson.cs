using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.Provisioning;

/// <summary>
/// The JSON settings of the REST contract (Http/CONTRACT.md) and of the sample seed files:
/// camelCase names, enums as camelCase strings, and strict reading so that a missing or null
/// required field is a malformed answer rather than a silent zero.
/// </summary>
internal static class ProvisioningJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
