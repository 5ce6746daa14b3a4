using System.Globalization;
using System.Text;
using OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Silo.Simulation;

/// <summary>What a simulation run measured: loop health per sector, tasks left at the end, throughput, state size.</summary>
public sealed record SimulationReport(
    SimulationOptions Options,
    string Store,
    IReadOnlyDictionary<Sector, SectorHealth> Sectors,
    IReadOnlyDictionary<(TaskKind Kind, TaskState State), int> TasksAtEnd,
    long Commands,
    long CommandProblems,
    IReadOnlyDictionary<string, int> ProblemSamples,
    long RemindersDelivered,
    TimeSpan SetupTime,
    TimeSpan WallTime,
    long PeakWorkingSetBytes,
    int AverageUnitStateBytes,
    int MaxUnitStateBytes)
{
    public double CommandsPerSecond => Commands / WallTime.TotalSeconds;

    public double RemindersPerSecond => RemindersDelivered / WallTime.TotalSeconds;

    public override string ToString()
    {
        var o = Options;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"simulate: {o.Units:N0} units, {o.Loops} loop(s) {o.Start:yyyy-MM-dd}..{o.End:yyyy-MM-dd}, store {Store}, silos {o.Silos}, on-time {o.OnTime:0.##}, late-records {o.LateRecords:0.##}, 1:1s held {o.OneToOnesHeld:0.##}, seed {o.Seed}");
        Line($"{"sector",-10} {"samtaler",9} {"on time",8} {"late",6} {"overdue",8} {"minutes ok",11} {"late",6} {"missing",8} {"1:1 due",8} {"held",7} {"adherence",9}");
        foreach (var (sector, s) in Sectors.OrderBy(s => s.Key))
            Line($"{sector,-10} {s.ConversationsDue,9:N0} {s.HeldOnTime,8:N0} {s.HeldLate,6:N0} {s.Overdue,8:N0} {s.MinutesOnTime,11:N0} {s.MinutesLate,6:N0} {s.MinutesMissing,8:N0} {s.OneToOnesDue,8:N0} {s.OneToOnesHeld,7:N0} {s.OneToOneAdherence,9:P1}");
        Line($"tasks at the end (open / overdue / done in the last 90 days):");
        foreach (var kind in TasksAtEnd.Keys.Select(k => k.Kind).Distinct().Order())
            Line($"  {kind,-26} {Count(kind, TaskState.Open),7:N0} {Count(kind, TaskState.Overdue),7:N0} {Count(kind, TaskState.Done),7:N0}");
        Line($"commands {Commands:N0} ({CommandProblems:N0} refused), reminders delivered {RemindersDelivered:N0}");
        foreach (var (problem, count) in ProblemSamples.OrderByDescending(p => p.Value).Take(5)) Line($"  refused {count:N0}x: {problem}");
        Line($"wall time {WallTime.TotalSeconds:0.0} s (setup {SetupTime.TotalSeconds:0.0} s), {CommandsPerSecond:N0} commands/s, {RemindersPerSecond:N0} reminders/s, peak working set {PeakWorkingSetBytes / 1024.0 / 1024.0:N0} MiB");
        Line($"unit state JSON: {AverageUnitStateBytes:N0} bytes on average, {MaxUnitStateBytes:N0} at most (sampled at the end)");
        return text.ToString();
    }

    private int Count(TaskKind kind, TaskState state) => TasksAtEnd.GetValueOrDefault((kind, state));
}
