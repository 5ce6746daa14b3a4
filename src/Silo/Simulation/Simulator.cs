using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Telemetry;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Silo.Simulation;

/// <summary>
/// Runs N generated units through whole loops on a manual clock: one silo on the given store, the
/// reminders delivered day by day by the <see cref="ManualTimeDriver"/>, and the units' people acting
/// through the grains as planned from each loop's timeline (<see cref="UnitPlanner"/>).
/// </summary>
public sealed class Simulator
{
    private readonly SimulationOptions _options;
    private readonly IGrainStore _store;
    private readonly TextWriter? _progress;
    private readonly ConcurrentDictionary<DateOnly, ConcurrentQueue<PlannedAction>> _agenda = new();
    private readonly ConcurrentDictionary<(int Unit, string Loop), bool> _observed = new();
    private readonly LoopHealthTally _tally = new();
    private SimulatedUnit[] _units = [];

    private Simulator(SimulationOptions options, IGrainStore store, TextWriter? progress)
    {
        _options = options;
        _store = store;
        _progress = progress;
    }

    /// <summary>Runs the simulation on <paramref name="store"/> (the caller owns it) and reports what it measured.</summary>
    public static async Task<SimulationReport> RunAsync(SimulationOptions options, IGrainStore store, string storeName, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        return await new Simulator(options, store, progress).RunAsync(storeName, cancellationToken);
    }

    private async Task<SimulationReport> RunAsync(string storeName, CancellationToken cancellationToken)
    {
        using var reminders = new ReminderCounter();
        var wall = Stopwatch.StartNew();
        var clock = new ManualClock(At(_options.Start, 12));
        await using var silos = await SimulatedSilos.StartAsync(_options.Silos, _options.Parallelism, _store, clock, cancellationToken);
        var driver = new ManualTimeDriver(clock, _store, () => silos.Reminders);
        var grains = silos.GrainFactory;
        await SetUpAsync(grains, driver, cancellationToken);
        var people = new SimulatedPeople(grains, _units);
        var setup = wall.Elapsed;
        Report($"set up {_units.Length:N0} units in {setup.TotalSeconds:0.0} s");

        for (var day = _options.Start.AddDays(1); day <= _options.End; day = day.AddDays(1))
        {
            await driver.AdvanceToAsync(At(day, 6), cancellationToken);
            if (!_agenda.TryRemove(day, out var actions)) continue;
            var ordered = actions.OrderBy(a => a.Morning ? 0 : 1).ToArray();
            await driver.AdvanceToAsync(At(day, 7), cancellationToken);
            await RunAsync(grains, people, ordered.Where(a => a.Morning), clock, cancellationToken);
            await driver.AdvanceToAsync(At(day, 13), cancellationToken);
            await RunAsync(grains, people, ordered.Where(a => !a.Morning), clock, cancellationToken);
            if (day.Day == 1 && day.Month % 3 == 1) Report($"{day:yyyy-MM}: {people.Commands:N0} commands, {reminders.Count:N0} reminders, {wall.Elapsed.TotalSeconds:0} s");
        }

        await FinishAsync(grains, cancellationToken);
        var sizes = await StateSizesAsync(cancellationToken);
        wall.Stop();
        return new SimulationReport(_options, storeName, _tally.Sectors, _tally.Tasks, people.Commands, people.Problems,
            people.ProblemSamples, reminders.Count, setup, wall.Elapsed, Process.GetCurrentProcess().PeakWorkingSet64, sizes.Average, sizes.Max);
    }

    private async Task SetUpAsync(IGrainFactory grains, ManualTimeDriver driver, CancellationToken cancellationToken)
    {
        using (CallContext.As(SimulatedPeople.Administration))
        {
            for (var year = _options.Start.Year - 2; year <= _options.End.Year + 2; year++)
            {
                var area = year % 2 == 0 ? AgeArea.SixToEighteen : AgeArea.ZeroToSix;
                await grains.GetGrain<IAreaGrain>(GrainKeys.Area(area, year)).SetThemesAsync(
                    [new("TRIVSEL", "Trivsel og fællesskaber"), new("SPROG", "Sprog og læring"), new("OVERGANGE", "Overgange")]);
            }

            var batch = Grains.Domain.Import.ImportLimits.Units.MaxRows;
            for (var from = 0; from < _options.Units; from += batch)
            {
                var csv = SyntheticOrganisation.UnitsCsv(from, Math.Min(batch, _options.Units - from), _options.UnitsPerChief);
                var imported = await grains.GetGrain<IOrganisationGrain>(GrainKeys.Singleton).ImportUnitsAsync(csv);
                if (!imported.IsSuccess || !imported.Value.NotRegistered.IsEmpty) throw new InvalidOperationException($"The simulated units were not imported: {imported}");
            }

            var units = await Grains.Common.UnitDirectory.UnitsAsync(grains, new UnitQuery());
            _units = [.. units.Select((u, i) => new SimulatedUnit(i, u.Id, u.Sector, u.SelfOwned,
                new Actor(u.Chief, "chief"), new Actor(u.Leader, "leader"), new Actor(u.Board!, "board")))];
        }

        await driver.DeliverDueAsync(cancellationToken);
        await ForEachUnitAsync(_units.Select(u => u.Index), u => PlanAsync(grains, u, _options.Start), cancellationToken);
    }

    private async Task RunAsync(IGrainFactory grains, SimulatedPeople people, IEnumerable<PlannedAction> actions, ManualClock clock, CancellationToken cancellationToken)
    {
        var byUnit = actions.GroupBy(a => a.Unit).ToDictionary(g => g.Key, g => g.ToArray());
        var now = clock.GetUtcNow();
        await ForEachUnitAsync(byUnit.Keys, async unit =>
        {
            foreach (var action in byUnit[unit])
            {
                if (action.Action == SimulatedAction.PlanLoop) await PlanAsync(grains, unit, action.Day);
                else if (action.Action == SimulatedAction.ObserveLoop) await ObserveAsync(grains, unit, action.Day.AddDays(1), action.Occurrence);
                else await people.ActAsync(action, now);
            }
        }, cancellationToken);
    }

    private async Task PlanAsync(IGrainFactory grains, int unit, DateOnly today)
    {
        var timeline = await TimelineAsync(grains, unit);
        var rng = new Random(unchecked(_options.Seed * 1_000_003 + unit * 7_919 + today.Year));
        foreach (var action in UnitPlanner.Plan(unit, timeline, _options, rng, today))
            _agenda.GetOrAdd(action.Day, _ => new ConcurrentQueue<PlannedAction>()).Enqueue(action);
    }

    /// <summary>Counts the unit's loop once (<paramref name="loop"/>: only if it is still that loop).</summary>
    private async Task ObserveAsync(IGrainFactory grains, int unit, DateOnly asOf, string? loop = null)
    {
        var timeline = await TimelineAsync(grains, unit);
        if ((loop is null || timeline.Loop == loop) && _observed.TryAdd((unit, timeline.Loop), true)) _tally.Observe(_units[unit].Sector, timeline, asOf);
    }

    /// <summary>The last day: every loop not yet observed, and the tasks left open.</summary>
    private Task FinishAsync(IGrainFactory grains, CancellationToken cancellationToken) =>
        ForEachUnitAsync(_units.Select(u => u.Index), async unit =>
        {
            await ObserveAsync(grains, unit, _options.End);
            using (CallContext.As(SimulatedPeople.Administration))
                _tally.CountTasks((await grains.GetGrain<IUnitGrain>(_units[unit].Id).GetTasksAsync(new TaskQuery(IncludeDone: true))).Ok);
        }, cancellationToken);

    private async Task<TimelineDto> TimelineAsync(IGrainFactory grains, int unit)
    {
        using (CallContext.As(SimulatedPeople.Administration))
            return (await grains.GetGrain<IUnitGrain>(_units[unit].Id).GetTimelineAsync()).Ok;
    }

    private async Task<(int Average, int Max)> StateSizesAsync(CancellationToken cancellationToken)
    {
        var sample = _units.Where((_, i) => i % Math.Max(1, _units.Length / 500) == 0).ToArray();
        var sizes = new List<int>();
        foreach (var u in sample)
            if (await _store.ReadStateAsync(new GrainId("unit", u.Id), cancellationToken) is { } stored) sizes.Add(stored.StateJson.Length);
        return sizes.Count == 0 ? (0, 0) : ((int)sizes.Average(), sizes.Max());
    }

    private Task ForEachUnitAsync(IEnumerable<int> units, Func<int, Task> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (unit, _) => await body(unit));

    private void Report(string line) => _progress?.WriteLine(line);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    /// <summary>Counts reminder deliveries from the silo's own metric.</summary>
    private sealed class ReminderCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public ReminderCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SiloTelemetry.Name && instrument.Name == "tilsyn.reminders.delivered") listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
