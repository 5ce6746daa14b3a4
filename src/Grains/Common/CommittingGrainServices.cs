using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Grains.Common;

/// <summary>What every <see cref="CommittingGrain{TState}"/> is given: the audit log, the grain clock, the agenda options, logging.</summary>
public sealed class CommittingGrainServices(
    IAuditLog auditLog,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    IOptions<AgendaOptions> agenda,
    ILoggerFactory loggerFactory)
{
    public IAuditLog AuditLog { get; } = auditLog;

    /// <summary>The grain clock (Orleans' keyed "Orleans.Grains" TimeProvider; a test replaces it with a fake clock).</summary>
    public TimeProvider Time { get; } = time;

    public AgendaOptions Agenda { get; } = agenda.Value;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;
}
