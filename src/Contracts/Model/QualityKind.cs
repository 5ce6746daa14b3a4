using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>How a data-package indicator is labelled: strukturel, processuel or resultatkvalitet.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualityKind>))]
[GenerateSerializer, Alias("tilsyn.QualityKind")]
public enum QualityKind
{
    Structural,
    Process,
    Outcome,
}
