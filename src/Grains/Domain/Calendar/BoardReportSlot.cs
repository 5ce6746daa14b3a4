namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>A self-owned daycare board's written supervision report for one year.</summary>
public sealed record BoardReportSlot(int Year, DateOnly Due);
