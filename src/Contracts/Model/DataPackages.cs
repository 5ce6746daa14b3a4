using System.Collections.Immutable;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>A released version of a sector's data package for a half-year ("2023-Spring").</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.DataPackageReleaseDto")]
public sealed record DataPackageReleaseDto([Id(0)] Sector Sector, [Id(1)] string Period, [Id(2)] int Version, [Id(3)] int Values, [Id(4)] int Units, [Id(5)] string ReleasedBy, [Id(6)] DateTimeOffset ReleasedAt, [Id(7)] string? CorrectionReason);

/// <summary>An indicator as a reader sees it: suppressed values carry neither value nor group size.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.IndicatorDto")]
public sealed record IndicatorDto([Id(0)] string TargetId, [Id(1)] string Indicator, [Id(2)] QualityKind Kind, [Id(3)] decimal? Value, [Id(4)] int? GroupSize, [Id(5)] bool Suppressed);

/// <summary>One unit's part of a data package, suppression applied.</summary>
[GenerateSerializer, Immutable, Alias("tilsyn.UnitDataPackageDto")]
public sealed record UnitDataPackageDto([Id(0)] string Unit, [Id(1)] Sector Sector, [Id(2)] string Period, [Id(3)] int Version, [Id(4)] ImmutableArray<IndicatorDto> Indicators);
