using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;

public interface IClockGrain : IGrainWithStringKey
{
    Task<GrainClockView> LookAsync();
}

/// <summary>Which clocks a grain sees: the keyed "Orleans.Grains" one it is given, the runtime's, the unkeyed one.</summary>
[GenerateSerializer, Immutable, Alias("OrleansHost.GrainClockView")]
public sealed record GrainClockView(
    [property: Id(0)] DateTimeOffset Now,
    [property: Id(1)] bool InjectedIsHostClock,
    [property: Id(2)] bool RuntimeIsHostClock,
    [property: Id(3)] bool UnkeyedIsSystem);

public sealed class ClockGrain([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock, SteppedFakeClock hostClock)
    : Grain, IClockGrain
{
    public Task<GrainClockView> LookAsync() => Task.FromResult(new GrainClockView(
        clock.GetUtcNow(),
        ReferenceEquals(clock, hostClock),
        ReferenceEquals(ServiceProvider.GetRequiredService<IGrainRuntime>().TimeProvider, hostClock),
        ReferenceEquals(ServiceProvider.GetRequiredService<TimeProvider>(), TimeProvider.System)));
}
