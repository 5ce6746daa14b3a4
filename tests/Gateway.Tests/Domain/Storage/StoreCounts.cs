using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Gateway.Tests.Domain.Storage;

/// <summary>
/// What the gateway's stores hold, counted as they are written (Orleans' memory storage and audit log cannot be listed):
/// grains with stored state, audit events. <see cref="DomainGateway"/> puts it around every gateway's storage and audit log.
/// </summary>
internal sealed class StoreCounts
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), bool> _states = new();
    private readonly ConcurrentDictionary<(string Grain, long Version), bool> _auditEvents = new();

    /// <summary>Grain states written and not cleared since the gateway started.</summary>
    public long States => _states.Count;

    /// <summary>Distinct audit events appended since the gateway started.</summary>
    public long AuditEvents => _auditEvents.Count;

    public IGrainStorage Wrap(IGrainStorage inner) => new CountingStorage(inner, this);

    public IAuditLog Wrap(IAuditLog inner) => new CountingAuditLog(inner, this);

    private sealed class CountingStorage(IGrainStorage inner, StoreCounts counts) : DelegatingGrainStorage(inner)
    {
        public override async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await Inner.WriteStateAsync(stateName, grainId, grainState);
            counts._states[(stateName, grainId)] = true;
        }

        public override async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await Inner.ClearStateAsync(stateName, grainId, grainState);
            counts._states.TryRemove((stateName, grainId), out _);
        }
    }

    private sealed class CountingAuditLog(IAuditLog inner, StoreCounts counts) : IAuditLog
    {
        public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
        {
            await inner.AppendAsync(auditEvent, cancellationToken);
            counts._auditEvents[(auditEvent.Grain, auditEvent.Version)] = true;
        }

        public async Task AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
        {
            await inner.AppendAsync(auditEvents, cancellationToken);
            foreach (var e in auditEvents) counts._auditEvents[(e.Grain, e.Version)] = true;
        }

        public Task<AuditPage> ReadAsync(string grain, long afterVersion, int max, CancellationToken cancellationToken) =>
            inner.ReadAsync(grain, afterVersion, max, cancellationToken);

        public Task<long> CountAsync(string grain, CancellationToken cancellationToken) => inner.CountAsync(grain, cancellationToken);
    }
}
