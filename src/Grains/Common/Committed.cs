using System.Collections.Immutable;
using Orleans;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Grains.Common;

/// <summary>
/// What a <see cref="CommittingGrain{TState}"/> stores: the grain's state, its version, the agenda of due items,
/// and the audit events of commits whose append to the audit log is not yet confirmed (the audit outbox). Written
/// as one record, so the state write is the single commit point of all of them.
/// </summary>
[GenerateSerializer, Alias("tilsyn.Committed`1")]
public sealed record Committed<TState> where TState : class, new()
{
    /// <summary>The grain's own state.</summary>
    [Id(0)]
    public TState Value { get; init; } = new();

    /// <summary>0 when never written; one more with each commit.</summary>
    [Id(1)]
    public long Version { get; init; }

    /// <summary>Events of committed changes not yet confirmed by the audit log, oldest first.</summary>
    [Id(2)]
    public ImmutableArray<AuditEvent> UnconfirmedAudit { get; init; } = [];

    /// <summary>The items due later, written with the transition that scheduled them.</summary>
    [Id(3)]
    public Agenda Agenda { get; init; } = Agenda.Empty;
}
