using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Domain.DataPackages;

namespace OrleansTilsyn.Grains.Mapping;

public static class DataPackageMapping
{
    public static DataPackageReleaseDto ToDto(this DataPackageRelease r) => new(
        r.Sector, r.Period.ToString(), r.Version, r.Values.Length, r.Values.Select(v => v.Unit).Distinct().Count(),
        r.ReleasedBy, r.ReleasedAt, r.CorrectionReason);

    public static UnitDataPackageDto ToDto(this UnitDataPackage p) => new(
        p.Unit.Value, p.Sector, p.Period.ToString(), p.Version,
        [.. p.Indicators.Select(i => new IndicatorDto(i.TargetId, i.Indicator, i.Kind, i.Value, i.GroupSize, i.Suppressed))]);
}
