using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>A department, site or club of a unit.</summary>
public sealed record SubUnitDto(string Id, string Name);

/// <summary>A unit as the organisation knows it. Leader, chief and board are role ids, never names of persons.</summary>
public sealed record UnitDto(
    string Id,
    string Name,
    Sector Sector,
    string Leader,
    string Chief,
    string? Board,
    ImmutableArray<SubUnitDto> SubUnits,
    bool SelfOwned = false,
    bool Special = false);

/// <summary>A page of the unit list; filters combine. <see cref="PageToken"/> comes from the previous page.</summary>
public sealed record UnitQuery(int PageSize = 100, string? PageToken = null, Sector? Sector = null, AgeArea? Area = null, string? Chief = null);

public sealed record UnitPage(ImmutableArray<UnitDto> Units, string? NextPageToken, int Total);

/// <summary>
/// What an import or registration did. <see cref="NotRegistered"/> lists units the directory has but whose
/// unit grain could not be reached; importing the same file again completes them.
/// </summary>
public sealed record ImportSummary(int Units, int Created, int Updated, int Unchanged, int Chiefs, ImmutableArray<string> NotRegistered);

/// <summary>A chief and the units of the portfolio.</summary>
public sealed record ChiefDto(string Id, ImmutableArray<string> Units);
