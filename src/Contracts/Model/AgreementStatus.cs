using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<AgreementStatus>))]
[GenerateSerializer, Alias("tilsyn.AgreementStatus")]
public enum AgreementStatus
{
    Open,
    Closed,
    /// <summary>Removed by a correction of the minutes it came from.</summary>
    Withdrawn,
}
