using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.FollowUps;

[JsonConverter(typeof(JsonStringEnumConverter<OneToOneStatus>))]
public enum OneToOneStatus
{
    Planned,
    Scheduled,
    Held,
    /// <summary>Due before the service started tracking the unit.</summary>
    BeforeTracking,
}
