namespace OrleansTilsyn.Silo.Simulation;

/// <summary>How many units, for how long, and how their people behave (shares between 0 and 1).</summary>
public sealed record SimulationOptions
{
    public int Units { get; init; } = 1000;

    /// <summary>Each loop is two years of the wheel for every unit (the 0-6 and 6-18 loops are a year apart).</summary>
    public int Loops { get; init; } = 1;

    /// <summary>Share of samtaler held within their window; of the rest, half are held late and half never.</summary>
    public double OnTime { get; init; } = 0.9;

    /// <summary>Share of minutes written after their due date (14 days after the samtale).</summary>
    public double LateRecords { get; init; } = 0.1;

    /// <summary>Share of 1:1s held (on or before their due day).</summary>
    public double OneToOnesHeld { get; init; } = 0.9;

    public int Seed { get; init; } = 1;

    /// <summary>Day before the 0-6 report of 2023 is treated: every 0-6 unit then starts its loop on the first day.</summary>
    public DateOnly Start { get; init; } = new(2023, 3, 30);

    /// <summary>Units acted for at once (each unit's own actions run in order).</summary>
    public int Parallelism { get; init; } = 256;

    public int UnitsPerChief { get; init; } = 25;

    /// <summary>Silos in the process on the one store (reads revalidated); unit i's people call silo i mod Silos,
    /// and due reminders are claimed by all of them.</summary>
    public int Silos { get; init; } = 1;

    public DateOnly End => Start.AddYears(2 * Loops);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Units is < 1 or > 1_000_000) errors.Add("units must be 1-1000000");
        if (Loops is < 1 or > 10) errors.Add("loops must be 1-10");
        foreach (var (name, share) in new[] { ("on-time", OnTime), ("late-records", LateRecords), ("one-to-ones", OneToOnesHeld) })
            if (share is < 0 or > 1) errors.Add($"{name} must be between 0 and 1");
        if (Parallelism < 1) errors.Add("parallelism must be at least 1");
        if (UnitsPerChief < 1) errors.Add("units per chief must be at least 1");
        if (Silos is < 1 or > 8) errors.Add("silos must be 1-8");
        return errors;
    }
}
