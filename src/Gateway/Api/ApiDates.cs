using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>Calendar days between the API's <see cref="Date"/>/<see cref="MonthDay"/> and .NET, with
/// INVALID_ARGUMENT naming the request field for days that do not exist.</summary>
public static class ApiDates
{
    public static Date ToApi(this DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static Date? ToApi(this DateOnly? day) => day?.ToApi();

    public static MonthDay ToApiMonthDay(int month, int day) => new() { Month = month, Day = day };

    /// <summary>The day, or INVALID_ARGUMENT for a missing or impossible date in <paramref name="field"/>.</summary>
    public static DateOnly ToDateOnly(this Date? date, string field)
    {
        if (date is null)
            throw GrpcErrors.InvalidArgument($"{field} is required.", (field, "is required"));
        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
            throw GrpcErrors.InvalidArgument($"{field} is not a valid date.", (field, $"{date.Year:0000}-{date.Month:00}-{date.Day:00} is not a day of the calendar"));
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>The instant, or INVALID_ARGUMENT for a missing or out-of-range timestamp in <paramref name="field"/>.</summary>
    public static DateTimeOffset ToInstant(this Google.Protobuf.WellKnownTypes.Timestamp? timestamp, string field)
    {
        if (timestamp is null)
            throw GrpcErrors.InvalidArgument($"{field} is required.", (field, "is required"));
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw GrpcErrors.InvalidArgument($"{field} is not a valid timestamp.", (field, "must be between 0001-01-01 and 9999-12-31 with 0-999999999 nanoseconds"));
        }
    }
}
