using System.Collections.Immutable;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>The units a caller may see in lists: all, a chief's portfolio, given units, or none.</summary>
public sealed record UnitScope(UnitScopeKind Kind, string? ChiefId, ImmutableArray<string> UnitIds)
{
    public static UnitScope All { get; } = new(UnitScopeKind.All, null, []);

    public static UnitScope None { get; } = new(UnitScopeKind.None, null, []);

    public static UnitScope Portfolio(string chiefId) => new(UnitScopeKind.Portfolio, chiefId, []);

    public static UnitScope Units(ImmutableArray<string> unitIds) => new(UnitScopeKind.Units, null, unitIds);

    /// <summary>Whether a unit with this id and chief is in scope.</summary>
    public bool Includes(string unitId, string chiefId) => Kind switch
    {
        UnitScopeKind.All => true,
        UnitScopeKind.Portfolio => chiefId == ChiefId,
        UnitScopeKind.Units => UnitIds.Contains(unitId, StringComparer.Ordinal),
        _ => false,
    };
}

public enum UnitScopeKind
{
    None,
    All,
    Portfolio,
    Units,
}
