using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ConversationStatus>))]
public enum ConversationStatus
{
    Planned,
    Scheduled,
    Held,
    /// <summary>Its window had closed before the service started tracking the unit: never overdue, never raised.</summary>
    BeforeTracking,
}
