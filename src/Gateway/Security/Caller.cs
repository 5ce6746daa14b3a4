using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Calls;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// The authenticated person behind a call and the scope they act in, read from the token's claims
/// by <see cref="CallerClaims"/>. <see cref="RoleId"/> is the id of the role the person holds: the
/// chief id (whose portfolio is the scope), the leader id, the board id, or the staff id.
/// <see cref="UnitIds"/> is the scope of leaders and board members.
/// </summary>
public sealed record Caller(string PersonId, CallerRole Role, string RoleId, ImmutableArray<string> UnitIds)
{
    /// <summary>How the person is named (the token's <c>name</c> claim); the subject when the token has none.</summary>
    public string DisplayName { get; init; } = PersonId;

    /// <summary>The role name as in the claim and in attributions: chief, leader, board, administration, operations.</summary>
    public string RoleName => CallerClaims.RoleName(Role);

    /// <summary>How changes are attributed in domain records: <c>{role}:{role id}</c>, e.g. <c>chief:bu-chef-1</c>.</summary>
    public string AttributedAs => $"{RoleName}:{RoleId}";

    /// <summary>The chief id when the caller is a chief.</summary>
    public string? ChiefId => Role == CallerRole.Chief ? RoleId : null;

    /// <summary>True when a leader or board member has the unit in scope.</summary>
    public bool HasUnit(string unitId) => UnitIds.Contains(unitId, StringComparer.Ordinal);

    /// <summary>The caller as grain calls carry it (<see cref="CallerContext"/>) and the audit records it: the person and the role held.</summary>
    public CallerIdentity ToIdentity() => new(PersonId, DisplayName, RoleName, RoleId);

    /// <summary>How the caller is named in messages: "chief bu-chef-1".</summary>
    public string Describe() => Role switch
    {
        CallerRole.Board => $"board member ({RoleId})",
        CallerRole.Administration => "the administration",
        CallerRole.Operations => "operations",
        _ => $"{RoleName} {RoleId}",
    };
}
