using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.OrleansHost;

public sealed class TwoSiloTests : IAsyncLifetime
{
    private readonly HostProbe probe = new();
    private OrleansTestHost host = null!;

    public async Task InitializeAsync() => host = await OrleansTestHost.StartAsync(o =>
    {
        o.Silos = 2;
        o.ConfigureServices = s => s.AddSingleton(probe);
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AGrainHasOneActivationWhicheverSiloIsAsked()
    {
        var answers = new List<CountAnswer>();
        foreach (var silo in host.Silos)
        {
            answers.Add(await OrleansTestHost.GrainFactoryOf(silo).GetGrain<ICountingGrain>("single").IncrementAsync());
        }

        answers.Add(await host.GrainFactory.GetGrain<ICountingGrain>("single").IncrementAsync());

        Assert.Equal([1, 2, 3], answers.Select(a => a.Count));
        Assert.Single(answers.Select(a => a.Activation).Distinct());
        Assert.Equal(1, probe.ActivationsOf("single"));
    }

    [Fact]
    public async Task KillingTheHostingSiloReactivatesTheGrainElsewhereWithItsState()
    {
        var first = await host.GrainFactory.GetGrain<ICountingGrain>("survivor").IncrementAsync();
        var hosting = host.Silos.Single(s => s.SiloAddress.Equals(first.Silo));
        var other = host.Silos.Single(s => s != hosting);

        await host.KillSiloAsync(hosting);
        var second = await OrleansTestHost.GrainFactoryOf(other).GetGrain<ICountingGrain>("survivor").IncrementAsync();

        Assert.Equal(2, second.Count);
        Assert.Equal(other.SiloAddress, second.Silo);
        Assert.NotEqual(first.Activation, second.Activation);
        Assert.Equal(2, probe.ActivationsOf("survivor"));
    }

    [Fact]
    public async Task AnObserverOnOneSiloHearsANotificationRaisedThroughTheOther()
    {
        var listening = OrleansTestHost.GrainFactoryOf(host.Silos[0]);
        var inbox = new NotificationInbox();
        var reference = listening.CreateObjectReference<INotificationObserver>(inbox);
        await listening.GetGrain<INotifierGrain>("inbox").SubscribeAsync(reference);

        await OrleansTestHost.GrainFactoryOf(host.Silos[1]).GetGrain<INotifierGrain>("inbox").PublishAsync("task assigned");

        Assert.Equal("task assigned", await inbox.FirstMessage.WaitAsync(OrleansTestHost.Patience));
        listening.DeleteObjectReference<INotificationObserver>(reference);
    }

    [Fact]
    public async Task AnObserverOfTheExternalClientHearsANotificationRaisedThroughASilo()
    {
        var inbox = new NotificationInbox();
        var reference = host.GrainFactory.CreateObjectReference<INotificationObserver>(inbox);
        await host.GrainFactory.GetGrain<INotifierGrain>("client-inbox").SubscribeAsync(reference);

        await OrleansTestHost.GrainFactoryOf(host.Silos[1]).GetGrain<INotifierGrain>("client-inbox").PublishAsync("report due");

        Assert.Equal("report due", await inbox.FirstMessage.WaitAsync(OrleansTestHost.Patience));
    }

    [Fact]
    public async Task RequestContextSetByTheCallerReachesTheGrainAndTheGrainItCalls()
    {
        RequestContext.Set("person", "p-42");
        try
        {
            var seen = await OrleansTestHost.GrainFactoryOf(host.Silos[1]).GetGrain<IContextGrain>("caller").SeeAsync("person", "callee");

            Assert.Equal(new ContextSeen("p-42", "p-42"), seen);
        }
        finally
        {
            RequestContext.Clear();
        }
    }
}
