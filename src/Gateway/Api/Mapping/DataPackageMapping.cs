using System.Globalization;
using OrleansTilsyn.Contracts.Api.V1;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>Data-package releases and a unit's package (suppression already applied by the domain).</summary>
public static class DataPackageMapping
{
    public static DataPackageRelease ToApi(this Model.DataPackageReleaseDto r) => new()
    {
        Name = ResourceNames.DataPackageRelease.Format(r.Sector.Segment(), r.Period),
        Sector = r.Sector.ToApi(),
        Period = r.Period,
        Version = r.Version,
        ValueCount = r.Values,
        UnitCount = r.Units,
        Released = CommonMapping.Attribution(r.ReleasedBy, r.ReleasedAt),
        CorrectionReason = r.CorrectionReason ?? "",
    };

    public static UnitDataPackage ToApi(this Model.UnitDataPackageDto p, int minimumGroupSize, bool withIndicators)
    {
        var package = new UnitDataPackage
        {
            Name = ResourceNames.UnitDataPackage.Format(p.Unit, p.Period),
            Sector = p.Sector.ToApi(),
            Period = p.Period,
            Version = p.Version,
            MinimumGroupSize = minimumGroupSize,
        };
        if (withIndicators) package.Indicators.AddRange(p.Indicators.Select(ToApi));
        return package;
    }

    public static Indicator ToApi(this Model.IndicatorDto i)
    {
        var indicator = new Indicator
        {
            TargetId = i.TargetId,
            Indicator_ = i.Indicator,
            QualityKind = ApiEnums.ToApi<Model.QualityKind, QualityKind>(i.Kind),
            Suppressed = i.Suppressed,
            Value = i.Suppressed || i.Value is null ? "" : i.Value.Value.ToString(CultureInfo.InvariantCulture),
        };
        if (!i.Suppressed && i.GroupSize is { } size) indicator.GroupSize = size;
        return indicator;
    }
}
