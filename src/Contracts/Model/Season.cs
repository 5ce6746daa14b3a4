using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Half of the year: data packages and conversations come once in each.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Season>))]
[GenerateSerializer, Alias("tilsyn.Season")]
public enum Season
{
    Spring,
    Autumn,
}
