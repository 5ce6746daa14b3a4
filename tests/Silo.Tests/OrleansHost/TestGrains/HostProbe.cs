using System.Collections.Concurrent;

namespace OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;

/// <summary>What the test grains report to the test, shared by all silos of one host (registered as a singleton).</summary>
public sealed class HostProbe
{
    private readonly ConcurrentDictionary<string, int> activations = new();

    public ConcurrentQueue<(string Grain, DateTimeOffset At)> Ticks { get; } = new();

    public int ActivationsOf(string key) => activations.GetValueOrDefault(key);

    public IReadOnlyList<DateTimeOffset> TicksOf(string key) => [.. Ticks.Where(t => t.Grain == key).Select(t => t.At)];

    internal void Activated(string key) => activations.AddOrUpdate(key, 1, (_, n) => n + 1);
}
