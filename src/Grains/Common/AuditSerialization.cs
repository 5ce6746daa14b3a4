using Orleans;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Grains.Common;

// AuditEvent and AuditActor carry no Orleans attributes; the committing grain keeps unconfirmed events in its state,
// so Orleans serializes them through these surrogates. The ids and aliases are stored: never change them.

[GenerateSerializer, Immutable, Alias("tilsyn.AuditActor")]
public readonly record struct AuditActorSurrogate(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Role,
    [property: Id(3)] string? OnBehalfOf,
    [property: Id(4)] string RoleId);

[GenerateSerializer, Immutable, Alias("tilsyn.AuditEvent")]
public readonly record struct AuditEventSurrogate(
    [property: Id(0)] string Grain,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] AuditActor Actor,
    [property: Id(4)] string Command,
    [property: Id(5)] string Outcome,
    [property: Id(6)] string? Detail);

[RegisterConverter]
public sealed class AuditActorConverter : IConverter<AuditActor, AuditActorSurrogate>
{
    public AuditActor ConvertFromSurrogate(in AuditActorSurrogate surrogate) =>
        new(surrogate.PersonId, surrogate.DisplayName, surrogate.Role, surrogate.RoleId, surrogate.OnBehalfOf);

    public AuditActorSurrogate ConvertToSurrogate(in AuditActor value) =>
        new(value.PersonId, value.DisplayName, value.Role, value.OnBehalfOf, value.RoleId);
}

[RegisterConverter]
public sealed class AuditEventConverter : IConverter<AuditEvent, AuditEventSurrogate>
{
    public AuditEvent ConvertFromSurrogate(in AuditEventSurrogate surrogate) =>
        new(surrogate.Grain, surrogate.Version, surrogate.At, surrogate.Actor, surrogate.Command, surrogate.Outcome, surrogate.Detail);

    public AuditEventSurrogate ConvertToSurrogate(in AuditEvent value) =>
        new(value.Grain, value.Version, value.At, value.Actor, value.Command, value.Outcome, value.Detail);
}
