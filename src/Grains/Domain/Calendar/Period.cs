using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>A half-year: a year and a season, written "2023-Spring". Ordered in time.</summary>
[JsonConverter(typeof(StringValueJsonConverter<Period>))]
public readonly record struct Period : IStringValue<Period>, IComparable<Period>
{
    public const int MinYear = 2000;
    public const int MaxYear = 2200;

    public Period(int year, Season season)
    {
        if (year is < MinYear or > MaxYear) throw new DomainInvariantException($"Year {year} is outside {MinYear}-{MaxYear}.");
        if (!Enum.IsDefined(season)) throw new DomainInvariantException($"Unknown season {season}.");
        Year = year;
        Season = season;
    }

    public int Year { get; }

    public Season Season { get; }

    public Period Next() => Season == Season.Spring ? new(Year, Season.Autumn) : new(Year + 1, Season.Spring);

    public Period Previous() => Season == Season.Autumn ? new(Year, Season.Spring) : new(Year - 1, Season.Autumn);

    public int CompareTo(Period other) => (Year * 2 + (int)Season).CompareTo(other.Year * 2 + (int)other.Season);

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new DomainInvariantException($"'{text}' is not a period like 2023-Spring.");

    public static bool TryParse(string? text, out Period value)
    {
        value = default;
        var parts = text?.Split('-');
        if (parts is not [var y, var s] || !int.TryParse(y, out var year) || year is < MinYear or > MaxYear) return false;
        if (!Enum.TryParse<Season>(s, ignoreCase: true, out var season) || !Enum.IsDefined(season) || int.TryParse(s, out _)) return false;
        value = new Period(year, season);
        return true;
    }

    public override string ToString() => Year == 0 ? "" : $"{Year}-{Season}";
}
