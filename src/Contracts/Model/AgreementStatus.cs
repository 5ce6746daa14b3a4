using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<AgreementStatus>))]
public enum AgreementStatus
{
    Open,
    Closed,
    /// <summary>Removed by a correction of the minutes it came from.</summary>
    Withdrawn,
}
