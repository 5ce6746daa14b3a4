using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.DataPackages;

/// <summary>An indicator as a reader sees it: suppressed values carry neither value nor group size.</summary>
public sealed record ShownIndicator(string TargetId, string Indicator, QualityKind Kind, decimal? Value, int? GroupSize, bool Suppressed);

/// <summary>One unit's part of a data package, with suppression applied.</summary>
public sealed record UnitDataPackage(UnitId Unit, Sector Sector, Period Period, int Version, ImmutableArray<ShownIndicator> Indicators);

/// <summary>Reading a release: suppression happens here, on every read, so raw small-group values never leave the package.</summary>
public static class DataPackageView
{
    public static Result<UnitDataPackage> ForUnit(DataPackageRelease release, UnitId unit, SuppressionPolicy policy)
    {
        var rows = release.Values.Where(v => v.Unit == unit).ToArray();
        if (rows.Length == 0) return Problem.NotFound($"The {release.Sector} data package {release.Period} has no values for unit {unit}.");
        return new UnitDataPackage(unit, release.Sector, release.Period, release.Version, [.. rows.Select(r => Show(r, policy))]);
    }

    public static ShownIndicator Show(IndicatorValue v, SuppressionPolicy policy) =>
        policy.Suppresses(v.GroupSize)
            ? new ShownIndicator(v.TargetId, v.Indicator, v.Kind, null, null, Suppressed: true)
            : new ShownIndicator(v.TargetId, v.Indicator, v.Kind, v.Value, v.GroupSize, Suppressed: false);
}
