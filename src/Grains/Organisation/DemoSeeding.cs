using OrleansTilsyn.Contracts.Grains;
using Orleans;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Demo;

namespace OrleansTilsyn.Grains.Organisation;

/// <summary>
/// The demo around the demo units: the political themes of the running and the next loop of each area
/// (before the units register, so they start with them) and the latest data package of each sector
/// (after, so the units hear of it). Both are skipped where they exist already.
/// </summary>
internal static class DemoSeeding
{
    public static async Task SetThemesAndPackagesAsync(IGrainFactory grains, DemoOrganisation demo, DateTimeOffset now, bool afterUnits)
    {
        var today = DomainDates.DayOf(now);
        if (!afterUnits)
        {
            foreach (var (area, themes) in demo.Themes)
            {
                var running = LoopId.Containing(area, today, WheelDefaults.For(new(area == AgeArea.ZeroToSix ? Sector.Dagtilbud : Sector.Skole, false, false)).QualityReportTreated);
                foreach (var loop in new[] { running, running.Next() })
                {
                    var grain = grains.GetGrain<IAreaGrain>(loop.ToString());
                    if (!(await grain.GetThemesAsync()).IsSuccess) await grain.SetThemesAsync([.. themes.Select(t => new Contracts.Model.ThemeDto(t.Code, t.Title))]);
                }
            }

            return;
        }

        var period = LatestReleased(today);
        foreach (var sector in Enum.GetValues<Sector>())
        {
            var package = grains.GetGrain<IDataPackageGrain>(GrainKeys.DataPackage(sector, period.ToString()));
            if ((await package.GetHistoryAsync()).Value is { IsEmpty: false }) continue;
            await package.ImportAsync(DemoDataPackages.Csv(demo.Units, sector, period), null);
        }
    }

    private static Period LatestReleased(DateOnly today)
    {
        var released = WheelDefaults.Seasons.Select(w => new Period(today.Year, w.Season)).Concat(WheelDefaults.Seasons.Select(w => new Period(today.Year - 1, w.Season)))
            .Where(p => WheelDefaults.Seasons.First(w => w.Season == p.Season).DataRelease.In(p.Year) <= today);
        return released.Max();
    }
}
