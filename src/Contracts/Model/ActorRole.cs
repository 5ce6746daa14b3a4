using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ActorRole>))]
public enum ActorRole
{
    Chief,
    Leader,
    Board,
    Administration,
    Operations,
    /// <summary>The service itself (reminders, imports).</summary>
    System,
}
