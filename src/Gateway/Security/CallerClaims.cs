using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// The claims a token carries for this service, and how a <see cref="Caller"/> is read from them.
/// An OIDC provider maps its users' attributes onto these claim names.
/// </summary>
public static class CallerClaims
{
    /// <summary>The person (required): the standard subject claim.</summary>
    public const string Subject = "sub";

    /// <summary>chief | leader | board | administration | operations (required, exactly one).</summary>
    public const string Role = "tilsyn_role";

    /// <summary>The id of the role held: chief id, leader id or board id (required for those roles);
    /// a staff id for administration and operations (defaults to the subject).</summary>
    public const string RoleId = "tilsyn_role_id";

    /// <summary>A unit in scope (leaders and board members: at least one; repeat or use a JSON array).</summary>
    public const string Unit = "tilsyn_unit";

    /// <summary>How the person is named (optional: the standard OIDC claim); shown in the audit beside the subject.</summary>
    public const string Name = "name";

    public const int MaxPersonIdLength = 200;

    public const int MaxDisplayNameLength = 200;

    public static string RoleName(CallerRole role) => role switch
    {
        CallerRole.Chief => "chief",
        CallerRole.Leader => "leader",
        CallerRole.Board => "board",
        CallerRole.Administration => "administration",
        _ => "operations",
    };

    public static bool TryParseRole(string? text, out CallerRole role)
    {
        role = default;
        switch (text)
        {
            case "chief": role = CallerRole.Chief; return true;
            case "leader": role = CallerRole.Leader; return true;
            case "board": role = CallerRole.Board; return true;
            case "administration": role = CallerRole.Administration; return true;
            case "operations": role = CallerRole.Operations; return true;
            default: return false;
        }
    }

    /// <summary>Reads the caller, or says in <paramref name="error"/> what the claims lack.</summary>
    public static bool TryRead(ClaimsPrincipal? principal, [NotNullWhen(true)] out Caller? caller, [NotNullWhen(false)] out string? error)
    {
        caller = null;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            error = "the call is not authenticated";
            return false;
        }

        var subject = principal.FindFirst(Subject)?.Value;
        var roles = principal.FindAll(Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
        var roleId = principal.FindFirst(RoleId)?.Value;
        var units = principal.FindAll(Unit).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToImmutableArray();
        error = Check(subject, roles, roleId, units, out var role);
        if (error is not null)
        {
            return false;
        }

        var id = role is CallerRole.Administration or CallerRole.Operations && string.IsNullOrEmpty(roleId) ? subject! : roleId!;
        caller = new Caller(subject!, role, id, role is CallerRole.Leader or CallerRole.Board ? units : [])
        {
            DisplayName = DisplayNameOf(principal.FindFirst(Name)?.Value) ?? subject!,
        };
        return true;
    }

    /// <summary>The name claim without control characters, trimmed and cut to <see cref="MaxDisplayNameLength"/>; null when
    /// nothing is left. A provider's display name is not ours to refuse: the token is valid without a usable one.</summary>
    private static string? DisplayNameOf(string? claim)
    {
        if (claim is null) return null;
        var text = new string(claim.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length > MaxDisplayNameLength) text = text[..MaxDisplayNameLength].TrimEnd();
        return text.Length == 0 ? null : text;
    }

    private static string? Check(string? subject, string[] roles, string? roleId, ImmutableArray<string> units, out CallerRole role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxPersonIdLength)
            return $"the token has no '{Subject}' claim (1-{MaxPersonIdLength} characters)";
        if (roles.Length != 1 || !TryParseRole(roles[0], out role))
            return $"the token must carry exactly one '{Role}' claim: chief, leader, board, administration or operations";
        var needsRoleId = role is CallerRole.Chief or CallerRole.Leader or CallerRole.Board;
        if (needsRoleId && !IdRules.IsValid(roleId))
            return $"a {RoleName(role)} token needs a '{RoleId}' claim ({IdRules.Description})";
        if (!needsRoleId && roleId is not null && !IdRules.IsValid(roleId))
            return $"the '{RoleId}' claim {IdRules.Description}";
        if (role is CallerRole.Leader or CallerRole.Board)
        {
            if (units.IsEmpty) return $"a {RoleName(role)} token needs at least one '{Unit}' claim";
            if (units.FirstOrDefault(u => !IdRules.IsValid(u)) is { } bad) return $"'{bad}' in '{Unit}' is not a unit id";
        }

        return null;
    }
}
