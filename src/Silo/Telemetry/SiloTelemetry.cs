using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansTilsyn.Silo.Telemetry;

/// <summary>
/// The silo's trace and metric sources, both named <see cref="Name"/>: subscribe to that name
/// (OpenTelemetry AddSource/AddMeter) to export what the service adds to Orleans' own meters (the agenda catch-up).
/// </summary>
public static class SiloTelemetry
{
    public const string Name = "OrleansTilsyn.Silo";

    public static ActivitySource ActivitySource { get; } = new(Name);
    public static Meter Meter { get; } = new(Name);
}
