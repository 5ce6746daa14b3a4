using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.DataPackages;

/// <summary>A half-yearly data package for one sector as released from LIS. Raw values; read through <see cref="DataPackageView"/>.</summary>
public sealed record DataPackageRelease(
    Sector Sector,
    Period Period,
    int Version,
    ImmutableArray<IndicatorValue> Values,
    string ReleasedBy,
    DateTimeOffset ReleasedAt,
    string? CorrectionReason);
