using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ActorRole>))]
[GenerateSerializer, Alias("tilsyn.ActorRole")]
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
