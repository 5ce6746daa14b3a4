using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The three kinds of unit: daycare, school, leisure and youth school.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sector>))]
[GenerateSerializer, Alias("tilsyn.Sector")]
public enum Sector
{
    Dagtilbud,
    Skole,
    Fu,
}
