using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Telemetry;

/// <summary>
/// The loop health of every unit, added up per sector (each sector lies in one age area). Counts
/// only: no unit, person or meeting content. What the Loop meter, the Operations API and the
/// health page show.
/// </summary>
public sealed record LoopHealthReport(DateTimeOffset ComputedAt, ImmutableArray<SectorLoopHealthReport> Sectors)
{
    public int Units => Sectors.Sum(s => s.Units);

    public int UnitsWithOverdue => Sectors.Sum(s => s.UnitsWithOverdue);

    public LoopHealthDto Totals => Sectors.Aggregate(LoopHealthSum.Zero, (sum, s) => LoopHealthSum.Add(sum, s.Counts));

    public DataPackageCounts DataPackages => Sectors.Aggregate(DataPackageCounts.None, (sum, s) => sum + s.DataPackages);

    public ReminderTardinessSummary ReminderTardiness => Sectors.Aggregate(ReminderTardinessSummary.None, (sum, s) => sum + s.ReminderTardiness);
}

/// <summary>One sector's units added up.</summary>
public sealed record SectorLoopHealthReport(
    Sector Sector,
    int Units,
    int UnitsWithOverdue,
    LoopHealthDto Counts,
    DataPackageCounts DataPackages,
    ReminderTardinessSummary ReminderTardiness)
{
    public AgeArea Area => LoopHealthLabels.AreaOf(Sector);

    /// <summary>Held share of the 1:1s whose due day has passed; 1 when none is due yet.</summary>
    public double OneToOneAdherence => LoopHealthSum.Adherence(Counts);
}

/// <summary>
/// A sector's data packages for the periods whose release day has come in its units' current loops:
/// released (at least one version), missing, and corrections (versions after the first).
/// </summary>
public sealed record DataPackageCounts(int Due, int Released, int Corrections)
{
    public static DataPackageCounts None { get; } = new(0, 0, 0);

    public int Missing => Due - Released;

    public static DataPackageCounts operator +(DataPackageCounts a, DataPackageCounts b) =>
        new(a.Due + b.Due, a.Released + b.Released, a.Corrections + b.Corrections);
}

/// <summary>Unit reminders delivered since this process started and how late (domain time) they came.</summary>
public sealed record ReminderTardinessSummary(long Delivered, double TotalSeconds, double MaxSeconds)
{
    public static ReminderTardinessSummary None { get; } = new(0, 0, 0);

    public double MeanSeconds => Delivered == 0 ? 0 : TotalSeconds / Delivered;

    public static ReminderTardinessSummary operator +(ReminderTardinessSummary a, ReminderTardinessSummary b) =>
        new(a.Delivered + b.Delivered, a.TotalSeconds + b.TotalSeconds, Math.Max(a.MaxSeconds, b.MaxSeconds));
}
