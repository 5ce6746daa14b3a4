using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>A department, site or club of a unit.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.SubUnitDto")]
public sealed record SubUnitDto([Id(0)] string Id, [Id(1)] string Name);

/// <summary>A unit as the organisation knows it. Leader, chief and board are role ids, never names of persons.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.UnitDto")]
public sealed record UnitDto(
    [Id(0)] string Id,
    [Id(1)] string Name,
    [Id(2)] Sector Sector,
    [Id(3)] string Leader,
    [Id(4)] string Chief,
    [Id(5)] string? Board,
    [Id(6)] ImmutableArray<SubUnitDto> SubUnits,
    [Id(7)] bool SelfOwned = false,
    [Id(8)] bool Special = false);

/// <summary>A page of the unit list; filters combine. <see cref="PageToken"/> comes from the previous page.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.UnitQuery")]
public sealed record UnitQuery([Id(0)] int PageSize = 100, [Id(1)] string? PageToken = null, [Id(2)] Sector? Sector = null, [Id(3)] AgeArea? Area = null, [Id(4)] string? Chief = null);

[GenerateSerializer, Immutable, Alias("tilsyn.UnitPage")]
public sealed record UnitPage([Id(0)] ImmutableArray<UnitDto> Units, [Id(1)] string? NextPageToken, [Id(2)] int Total);

/// <summary>
/// What an import or registration did. <see cref="NotRegistered"/> lists units the directory has but whose
/// unit grain could not be reached; importing the same file again completes them.
/// </summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ImportSummary")]
public sealed record ImportSummary([Id(0)] int Units, [Id(1)] int Created, [Id(2)] int Updated, [Id(3)] int Unchanged, [Id(4)] int Chiefs, [Id(5)] ImmutableArray<string> NotRegistered);

/// <summary>A chief and the units of the portfolio.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.ChiefDto")]
public sealed record ChiefDto([Id(0)] string Id, [Id(1)] ImmutableArray<string> Units);
