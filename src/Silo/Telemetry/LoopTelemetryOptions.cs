namespace OrleansTilsyn.Silo.Telemetry;

/// <summary>How often the Loop meter's report is recomputed while it is observed (real time).</summary>
public sealed class LoopTelemetryOptions
{
    public TimeSpan Refresh { get; set; } = TimeSpan.FromSeconds(30);
}
