using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>Which units a wheel version is for: a sector and the two flags.</summary>
public sealed record WheelConfigKey(Sector Sector, bool SelfOwned, bool Special)
{
    public static WheelConfigKey For(Unit unit) => new(unit.Sector, unit.SelfOwned, unit.Special);

    /// <summary>The next more general key to fall back to, or null for the sector's plain key.</summary>
    public WheelConfigKey? Fallback => SelfOwned || Special ? new(Sector, false, false) : null;

    public override string ToString() =>
        $"{Sector}{(SelfOwned ? "+selfOwned" : "")}{(Special ? "+special" : "")}";
}
