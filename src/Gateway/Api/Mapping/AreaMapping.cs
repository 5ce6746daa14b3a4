using OrleansTilsyn.Contracts.Api.V1;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>Political themes and the cross-unit overviews of an area's loop.</summary>
public static class AreaMapping
{
    /// <summary>"0-6/2025" → ("0-6", "2025").</summary>
    public static (string Area, string Year) LoopSegments(string loopKey)
    {
        var slash = loopKey.IndexOf('/', StringComparison.Ordinal);
        return (loopKey[..slash], loopKey[(slash + 1)..]);
    }

    public static ThemeSet ToApi(this Model.ThemeSetDto t)
    {
        var (area, year) = LoopSegments(t.Loop);
        var set = new ThemeSet
        {
            Name = ResourceNames.Themes.Format(area, year),
            LoopId = t.Loop,
            Version = t.Version,
            Set = CommonMapping.Attribution(t.SetBy, t.SetAt),
        };
        set.Themes.AddRange(t.Themes.Select(x => x.ToApi()));
        return set;
    }

    public static FocusAreaOverview ToApi(this Model.FocusAreaOverviewDto o)
    {
        var (area, year) = LoopSegments(o.Loop);
        var overview = new FocusAreaOverview
        {
            Name = ResourceNames.FocusAreaOverview.Format(area, year),
            LoopId = o.Loop,
            UnitCount = o.Entries.Length + o.UnitsWithoutFocusAreas.Length + o.UnitsNotReached.Length,
        };
        overview.Entries.AddRange(o.Entries.Select(e =>
        {
            var entry = new FocusAreaOverviewEntry
            {
                Unit = ResourceNames.Unit.Format(e.Unit), UnitDisplayName = e.UnitName, Sector = e.Sector.ToApi(), Version = e.Version,
            };
            entry.FocusAreas.AddRange(e.Areas.Select(f => f.ToApi()));
            return entry;
        }));
        overview.UnitsPerTheme.AddRange(o.UnitsPerTheme.Select(c => new ThemeCount { ThemeCode = c.ThemeCode, UnitCount = c.Units }));
        return overview;
    }

    public static OpsamlingOverview ToApi(this Model.OpsamlingOverviewDto o, DateOnly? due)
    {
        var (area, year) = LoopSegments(o.Loop);
        var overview = new OpsamlingOverview
        {
            Name = ResourceNames.OpsamlingOverview.Format(area, year),
            LoopId = o.Loop,
            Due = due.ToApi(),
            SubmittedCount = o.SummedUp,
        };
        overview.Entries.AddRange(o.Entries.Select(e => new OpsamlingEntry
        {
            Unit = ResourceNames.Unit.Format(e.Unit),
            UnitDisplayName = e.UnitName,
            Sector = e.Sector.ToApi(),
            Submitted = e.SubmittedAt is not null,
            Summary = e.Summary ?? "",
            SubmittedBy = CommonMapping.Attribution(e.SubmittedBy, e.SubmittedAt),
        }));
        return overview;
    }
}
