namespace OrleansTilsyn.Silo.Telemetry;

/// <summary>How often the Loop meter's report is recomputed while it is observed (real time).</summary>
public sealed class LoopTelemetryOptions
{
    /// <summary>
    /// Loop health moves by the day, so minutes of staleness cost nothing; a refresh reads every unit
    /// grain, so it stays longer than SiloOptions.IdleDeactivationAfter (10 min) and idle units can
    /// still be deactivated between refreshes.
    /// </summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromMinutes(15);
}
