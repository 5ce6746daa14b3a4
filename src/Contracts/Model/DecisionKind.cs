using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>What the decision of a samtale is about; "collect more data" on the theme is a valid decision.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionKind>))]
[GenerateSerializer, Alias("tilsyn.DecisionKind")]
public enum DecisionKind
{
    NextSteps,
    CollectMoreData,
}
