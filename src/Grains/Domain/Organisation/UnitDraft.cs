using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>A unit as typed or imported: raw text, validated by <see cref="UnitValidator"/>.</summary>
public sealed record UnitDraft(
    string? Id,
    string? Name,
    string? Sector,
    string? Leader,
    string? Chief,
    string? Board,
    bool SelfOwned,
    bool Special,
    ImmutableArray<SubUnitDraft> SubUnits);

public sealed record SubUnitDraft(string? Id, string? Name);
