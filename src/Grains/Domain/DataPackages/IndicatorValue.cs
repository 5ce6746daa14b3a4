using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.DataPackages;

/// <summary>One imported value: for a unit or one of its sub-units (<see cref="TargetId"/>), never invented.</summary>
public sealed record IndicatorValue(UnitId Unit, string TargetId, string Indicator, QualityKind Kind, decimal Value, int GroupSize);
