using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The three kinds of unit: daycare, school, leisure and youth school.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sector>))]
public enum Sector
{
    Dagtilbud,
    Skole,
    Fu,
}
