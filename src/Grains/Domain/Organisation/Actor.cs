using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Organisation;

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

/// <summary>Who does something: a role and the role id (chief id, leader id, board id, staff id). Every change is attributed to one.</summary>
public sealed record Actor(ActorRole Role, string Id)
{
    public static Actor System { get; } = new(ActorRole.System, "tilsyn");

    public override string ToString() => $"{Role.ToString().ToLowerInvariant()}:{Id}";
}
