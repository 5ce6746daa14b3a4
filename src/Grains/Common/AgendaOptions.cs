namespace OrleansTilsyn.Grains.Common;

/// <summary>How a committing grain's agenda wakes it.</summary>
public sealed class AgendaOptions
{
    /// <summary>Orleans' shortest reminder period (and the design's floor).</summary>
    public static readonly TimeSpan MinimumHeartbeat = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The period of the wake reminder: the safety net that wakes the grain again should a wake-up at the next due
    /// item be lost. At least <see cref="MinimumHeartbeat"/>.
    /// </summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromHours(1);
}
