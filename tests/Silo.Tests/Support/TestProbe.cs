using System.Collections.Concurrent;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>What test grains report back to the test (injected into grains as a singleton service).</summary>
public sealed class TestProbe
{
    private int _running;
    private int _maxRunning;
    private int _sequence;

    public ConcurrentQueue<string> Log { get; } = new();
    public ConcurrentQueue<string> Activated { get; } = new();
    public ConcurrentQueue<string> Deactivated { get; } = new();
    public ConcurrentQueue<(int Sequence, string Grain, string Reminder, TickStatus Status, DateTimeOffset Now, Actor Actor)> Deliveries { get; } = new();
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource<bool> TokenCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Runs inside a counter grain's turn just before it commits (to move the stored version under it).</summary>
    public Func<GrainId, Task>? BeforeCommit { get; set; }

    /// <summary>Reminder names whose next delivery throws.</summary>
    public ConcurrentDictionary<string, int> FailNextDelivery { get; } = new();

    /// <summary>Real-time pause inside a reminder handler, so concurrent deliveries overlap.</summary>
    public TimeSpan DeliveryPause { get; set; } = TimeSpan.Zero;

    public int MaxConcurrentDeliveries => Volatile.Read(ref _maxRunning);

    public int EnterDelivery()
    {
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        return Interlocked.Increment(ref _sequence);
    }

    public void ExitDelivery() => Interlocked.Decrement(ref _running);
}
