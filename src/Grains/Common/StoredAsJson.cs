using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace OrleansTilsyn.Grains.Common;

/// <summary>
/// Marks a grain's state record as stored in JSON inside Orleans' envelope (<see cref="Committed{TState}"/>): state
/// records hold domain types, which stay free of Orleans, and their JSON shape (camelCase, enums by name, unknown
/// fields skipped, missing ones left at their defaults) lets a state type gain fields between releases.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StoredAsJsonAttribute : Attribute;

public static class StoredAsJsonSerialization
{
    /// <summary>The JSON options of stored state.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Lets Orleans' serializer write the <see cref="StoredAsJsonAttribute"/> state records as JSON.</summary>
    public static IServiceCollection AddStoredAsJsonSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.GetCustomAttribute<StoredAsJsonAttribute>() is not null,
            jsonSerializerOptions: Options));

    private static JsonSerializerOptions CreateOptions()
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
