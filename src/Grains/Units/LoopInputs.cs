using OrleansTilsyn.Contracts.Grains;
using Orleans;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Units;

/// <summary>What a unit needs from other grains to start a loop: the wheel version for it and the area's themes.</summary>
internal static class LoopInputs
{
    /// <summary>The loop running on <paramref name="today"/> for the unit, by the treatment day of the wheel in force.</summary>
    public static async Task<(LoopId Loop, DateOnly Start)> ContainingAsync(IGrainFactory grains, Unit unit, DateOnly today)
    {
        var wheel = await Configuration(grains).ResolveWheelAsync(WheelConfigKey.For(unit).ToDto(), today);
        var treatment = MonthDay.Parse(wheel.Settings.QualityReportTreated);
        var loop = LoopId.Containing(unit.AgeArea, today, treatment);
        return (loop, treatment.In(loop.Year));
    }

    /// <summary>The wheel version for <paramref name="loop"/> (resolved at its treatment day) and the area's themes of it, if set.</summary>
    public static async Task<(WheelVersion Wheel, ThemeSet? Themes)> ForLoopAsync(IGrainFactory grains, Unit unit, LoopId loop, DateOnly loopStart)
    {
        var wheel = await Configuration(grains).ResolveWheelAsync(WheelConfigKey.For(unit).ToDto(), loopStart);
        var themes = await grains.GetGrain<IAreaGrain>(loop.ToString()).GetThemesAsync();
        return (wheel.ToDomain(), themes.IsSuccess ? ToDomain(themes.Value) : null);
    }

    public static ThemeSet ToDomain(Contracts.Model.ThemeSetDto t) =>
        new(LoopId.Parse(t.Loop), t.Version, [.. t.Themes.Select(x => new PoliticalTheme(x.Code, x.Title))], t.SetBy, t.SetAt);

    private static IConfigurationGrain Configuration(IGrainFactory grains) => grains.GetGrain<IConfigurationGrain>(GrainKeys.Singleton);
}
