using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Services;
using OrleansSilo = Orleans.Runtime.Silo;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>The marker interface Orleans needs to give <see cref="AgendaCatchUpRange"/> an identity; it has no calls.</summary>
[Alias("tilsyn.IAgendaCatchUpRange")]
public interface IAgendaCatchUpRange : IGrainService;

/// <summary>
/// This silo's part of the reminder ring. Orleans hands a ring range only to grain services (the silo's own range
/// provider is internal), so this service exists to be told it; the reminder service owns the same range, so the
/// catch-up wakes the grains whose reminders this silo serves.
/// </summary>
internal sealed class AgendaCatchUpRange(GrainId id, OrleansSilo silo, ILoggerFactory loggerFactory)
    : GrainService(id, silo, loggerFactory), IAgendaCatchUpRange
{
    /// <summary>The range as of now (kept current by Orleans as silos join and leave); null before the service started.</summary>
    public IRingRange? Current => RingRange;
}
