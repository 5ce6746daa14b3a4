using Orleans;

namespace OrleansTilsyn.Contracts.Calls;

/// <summary>
/// The person who causes a grain call and the role they act in, as the audit records it: the token's subject and
/// display name, the role name (chief, leader, board, administration, operations, system) and the id of the role held
/// (the chief id, leader id, board id or staff id that permissions are checked against). <see cref="OnBehalfOf"/> names
/// whom the person acts for when that is not themselves (e.g. a system process acting for a unit's schedule).
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.CallerIdentity")]
public sealed record CallerIdentity(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Role,
    [property: Id(3)] string RoleId,
    [property: Id(4)] string? OnBehalfOf = null)
{
    public const string SystemRole = "system";

    /// <summary>The service itself (seeding, start-up work).</summary>
    public static CallerIdentity System { get; } = new("system", "Tjenesten", SystemRole, "system");

    /// <summary>The loop's own schedule: a due agenda item (data package released, window opened, deadline passed).</summary>
    public static CallerIdentity Schedule { get; } = new("system:schedule", "Årshjulet", SystemRole, "system", "the unit's agenda");

    public override string ToString() => $"{Role}:{RoleId} ({PersonId})";
}
