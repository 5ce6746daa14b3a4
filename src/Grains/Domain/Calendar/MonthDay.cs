using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>A day of the year without the year ("03-31"); 29 February is not allowed.</summary>
[JsonConverter(typeof(StringValueJsonConverter<MonthDay>))]
public readonly record struct MonthDay : IStringValue<MonthDay>, IComparable<MonthDay>
{
    public MonthDay(int month, int day)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, month))
            throw new DomainInvariantException($"{month:00}-{day:00} is not a day of a (non-leap) year.");
        Month = month;
        Day = day;
    }

    public int Month { get; }

    public int Day { get; }

    public DateOnly In(int year) => new(year, Month, Day);

    public int CompareTo(MonthDay other) => (Month * 100 + Day).CompareTo(other.Month * 100 + other.Day);

    public static bool operator <(MonthDay a, MonthDay b) => a.CompareTo(b) < 0;
    public static bool operator >(MonthDay a, MonthDay b) => a.CompareTo(b) > 0;

    public static MonthDay Parse(string text) =>
        TryParse(text, out var md) ? md : throw new DomainInvariantException($"'{text}' is not a month-day like 03-31.");

    public static bool TryParse(string? text, out MonthDay value)
    {
        value = default;
        var parts = text?.Split('-');
        if (parts is not [var m, var d] || !int.TryParse(m, out var month) || !int.TryParse(d, out var day)) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, month)) return false;
        value = new MonthDay(month, day);
        return true;
    }

    public override string ToString() => Month == 0 ? "" : $"{Month:00}-{Day:00}";
}
