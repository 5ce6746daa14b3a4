using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<OneToOneStatus>))]
public enum OneToOneStatus
{
    Planned,
    Scheduled,
    Held,
    /// <summary>Due before the service started tracking the unit.</summary>
    BeforeTracking,
}
