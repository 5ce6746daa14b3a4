using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// How grain state is stored: camelCase JSON, enums as names (reordering members is safe),
/// unknown fields ignored and missing ones left at their defaults, so a state type may gain fields.
/// </summary>
public static class StateJson
{
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
