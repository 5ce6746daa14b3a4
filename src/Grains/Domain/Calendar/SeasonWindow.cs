namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>When a season's data package is released and its conversation window opens and closes.</summary>
public sealed record SeasonWindow(Season Season, MonthDay DataRelease, MonthDay WindowOpen, MonthDay WindowClose);
