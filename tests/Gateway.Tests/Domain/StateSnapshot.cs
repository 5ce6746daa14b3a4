using Google.Protobuf;
using OrleansTilsyn.Contracts.Api.V1;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>What must not move when a gateway is fed malformed or random input: the store's counts (every
/// state change writes an audit event) and a witness unit's loop as its chief reads it.</summary>
internal sealed record StateSnapshot(long States, long AuditEvents, long Reminders, ByteString WitnessLoop)
{
    public const string Witness = "strandens-dagtilbud";

    public static async Task<StateSnapshot> TakeAsync(DomainGateway gateway)
    {
        var reminders = await gateway.RemindersAsync();
        var loop = await gateway.OkAsync("/tilsyn.v1.Loops/GetLoop", new GetLoopRequest { Name = $"units/{Witness}/loop" }, gateway.Chief(), Loop.Parser);
        return new StateSnapshot(gateway.Counts.States, gateway.Counts.AuditEvents, reminders.Count, loop.ToByteString());
    }
}
