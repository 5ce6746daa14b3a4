using System.Collections.Immutable;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>A released version of a sector's data package for a half-year ("2023-Spring").</summary>
public sealed record DataPackageReleaseDto(Sector Sector, string Period, int Version, int Values, int Units, string ReleasedBy, DateTimeOffset ReleasedAt, string? CorrectionReason);

/// <summary>An indicator as a reader sees it: suppressed values carry neither value nor group size.</summary>
public sealed record IndicatorDto(string TargetId, string Indicator, QualityKind Kind, decimal? Value, int? GroupSize, bool Suppressed);

/// <summary>One unit's part of a data package, suppression applied.</summary>
public sealed record UnitDataPackageDto(string Unit, Sector Sector, string Period, int Version, ImmutableArray<IndicatorDto> Indicators);
