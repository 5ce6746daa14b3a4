using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Reminders;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task AddTilsynSiloRunsGrainsAndPollsRemindersInAGenericHost()
    {
        var probe = new TestProbe();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddTilsynSilo(o =>
        {
            o.Store = new InMemoryGrainStore();
            o.GrainAssemblies.Add(typeof(HostingTests).Assembly);
            o.ReminderPollInterval = TimeSpan.FromMilliseconds(20);
        });
        using var host = builder.Build();
        await host.StartAsync();

        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        Assert.Equal(1, await grains.GetGrain<ICounterGrain>("hosted").IncrementAsync());
        var reminders = grains.GetGrain<IReminderGrain>("hosted");
        await reminders.ScheduleAsync("soon", clock.GetUtcNow());
        var deadline = DateTimeOffset.UtcNow + TestSilos.Patience;
        while ((await reminders.DeliveriesAsync()).Count == 0 && DateTimeOffset.UtcNow < deadline) await Task.Delay(20);

        Assert.Single(await reminders.DeliveriesAsync());
        Assert.Same(host.Services.GetRequiredService<TilsynSilo>().Reminders, host.Services.GetRequiredService<ReminderService>());
        await host.StopAsync();
    }

    [Fact]
    public async Task InvalidOptionsStopTheHostFromStarting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTilsynSilo(o =>
        {
            o.Store = new InMemoryGrainStore();
            o.CallTimeout = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("CallTimeout must be positive.", error.Failures);
    }

    [Fact]
    public async Task StandaloneSiloStartsWithoutAHostAndStopsItsGrains()
    {
        var probe = new TestProbe();
        var options = new SiloOptions { ConfigureServices = s => s.AddSingleton(probe) };
        options.GrainAssemblies.Add(typeof(HostingTests).Assembly);
        await using var store = new InMemoryGrainStore();

        await using (var silo = await TilsynSilo.StartAsync(options, store, TimeProvider.System))
        {
            await silo.GrainFactory.GetGrain<ITurnGrain>("standalone").PingAsync();
            Assert.Equal(1, silo.ActivationCount);
        }

        Assert.Equal(["standalone"], probe.Deactivated);
    }
}
