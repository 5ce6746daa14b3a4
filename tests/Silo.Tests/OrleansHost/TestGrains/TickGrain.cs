using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;

public interface ITickGrain : IGrainWithStringKey
{
    Task StartTickingAsync(TimeSpan due, TimeSpan period);
}

/// <summary>Registers one reminder and reports each tick, stamped with the grain's clock, to the probe.</summary>
public sealed class TickGrain([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock, HostProbe probe)
    : Grain, ITickGrain, IRemindable
{
    public Task StartTickingAsync(TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder("tick", due, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Ticks.Enqueue((this.GetPrimaryKeyString(), clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
