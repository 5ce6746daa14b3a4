using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;

namespace OrleansTilsyn.Silo.Tests.OrleansHosting;

/// <summary>An agenda grain that only schedules its wake reminder and records its wakes.</summary>
[Alias("tests.hosting.IAgendaProbeGrain")]
public interface IAgendaProbeGrain : IAgendaGrain
{
    /// <summary>Registers <see cref="IAgendaGrain.WakeReminder"/> due in <paramref name="dueIn"/> on the reminder clock, with an hourly heartbeat.</summary>
    [Alias("Schedule")] Task ScheduleAsync(TimeSpan dueIn);
}

public sealed class AgendaProbeGrain(AgendaWakeLog log) : Grain, IAgendaProbeGrain, IRemindable
{
    public Task ScheduleAsync(TimeSpan dueIn) => this.RegisterOrUpdateReminder(IAgendaGrain.WakeReminder, dueIn, TimeSpan.FromHours(1));

    public Task WakeAsync() => log.WakeAsync(this.GetPrimaryKeyString());

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Ticks.Enqueue(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}

/// <summary>
/// The wakes in one silo host (a singleton there): how many each grain got, how many ran at once at most, and a gate
/// that holds every wake until the test opens it (open from the start unless <see cref="Hold"/> is called).
/// </summary>
public sealed class AgendaWakeLog
{
    private readonly ConcurrentDictionary<string, int> _wakes = new();
    private TaskCompletionSource _gate = Opened();
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<string> Ticks { get; } = new();

    /// <summary>A grain whose wake throws, as a grain with a broken state would.</summary>
    public string? FailFor { get; init; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IReadOnlyDictionary<string, int> Wakes => _wakes;

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task WakeAsync(string grain)
    {
        if (grain == FailFor) throw new InvalidOperationException($"{grain} cannot wake");
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = MaxInFlight; inFlight > max; max = MaxInFlight)
            Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
        try
        {
            await _gate.Task;
            _wakes.AddOrUpdate(grain, 1, (_, count) => count + 1);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static TaskCompletionSource Opened()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}
