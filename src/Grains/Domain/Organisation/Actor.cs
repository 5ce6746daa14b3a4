namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>Who does something: a role and the role id (chief id, leader id, board id, staff id). Every change is attributed to one.</summary>
public sealed record Actor(ActorRole Role, string Id)
{
    public static Actor System { get; } = new(ActorRole.System, "tilsyn");

    public override string ToString() => $"{Role.ToString().ToLowerInvariant()}:{Id}";
}
