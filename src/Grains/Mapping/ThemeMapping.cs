using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Mapping;

public static class ThemeMapping
{
    public static ThemeSetDto ToDto(this ThemeSet t) =>
        new(t.Loop.ToString(), t.Version, [.. t.Themes.Select(x => new ThemeDto(x.Code, x.Title))], t.SetBy, t.SetAt);

    public static PoliticalTheme ToDomain(this ThemeDto? t) => new(t?.Code!, t?.Title!);
}
