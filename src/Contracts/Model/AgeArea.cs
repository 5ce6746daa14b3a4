using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>The two areas the city council treats a quality report for, every second year each.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgeArea>))]
[GenerateSerializer, Alias("tilsyn.AgeArea")]
public enum AgeArea
{
    /// <summary>0-6: dagtilbud; report in odd years.</summary>
    ZeroToSix,
    /// <summary>6-18: skole and FU; report in even years.</summary>
    SixToEighteen,
}
