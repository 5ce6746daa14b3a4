using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<OneToOneStatus>))]
[GenerateSerializer, Alias("tilsyn.OneToOneStatus")]
public enum OneToOneStatus
{
    Planned,
    Scheduled,
    Held,
    /// <summary>Due before the service started tracking the unit.</summary>
    BeforeTracking,
}
