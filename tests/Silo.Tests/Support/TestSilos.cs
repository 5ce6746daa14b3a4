using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>Starts test clusters with this assembly's test grains and a probe the grains report to.</summary>
public static class TestSilos
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Real-time bound for awaiting something in a test, so a bug fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static Task<TestCluster> StartAsync(StoreKind store, TestProbe probe, int silos = 1, Action<SiloOptions>? configure = null) =>
        TestCluster.StartAsync(silos, () => TestStores.Create(store), new ManualClock(Start), options =>
        {
            options.GrainAssemblies.Add(typeof(TestSilos).Assembly);
            options.ConfigureServices = services => services.AddSingleton(probe);
            configure?.Invoke(options);
        });

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience);

    public static Task Within(this Task task) => task.WaitAsync(Patience);
}
