using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ConversationStatus>))]
[GenerateSerializer, Alias("tilsyn.ConversationStatus")]
public enum ConversationStatus
{
    Planned,
    Scheduled,
    Held,
    /// <summary>Its window had closed before the service started tracking the unit: never overdue, never raised.</summary>
    BeforeTracking,
}
