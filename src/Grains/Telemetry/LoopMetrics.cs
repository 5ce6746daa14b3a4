using System.Diagnostics.Metrics;

namespace OrleansTilsyn.Grains.Telemetry;

/// <summary>
/// The meter <see cref="MeterName"/>: loop health per sector and area as observable gauges read from
/// the latest <see cref="LoopHealthReport"/> (published by whoever computes it), and the tardiness of
/// unit reminders as a histogram. Attributes are sector and area (and task kind); never a unit or a person.
/// One instance per silo process; dispose it to unregister the instruments.
/// </summary>
public sealed class LoopMetrics : IDisposable
{
    public const string MeterName = "OrleansTilsyn.Loop";

    private readonly Histogram<double> _reminderTardiness;
    private readonly Lock _tardinessLock = new();
    private readonly Dictionary<Sector, ReminderTardinessSummary> _tardiness = [];
    private readonly List<Instrument> _gauges = [];
    private volatile LoopHealthReport? _latest;

    public LoopMetrics()
    {
        Meter = new Meter(MeterName);
        _reminderTardiness = Meter.CreateHistogram<double>("tilsyn.loop.reminder.tardiness", "s",
            "Domain time between a unit reminder's due time and its delivery.");
        Gauge("tilsyn.loop.units", "{unit}", "Units in the directory.", s => s.Units);
        Gauge("tilsyn.loop.units.with_overdue", "{unit}", "Units with anything overdue.", s => s.UnitsWithOverdue);
        Gauge("tilsyn.loop.conversations.due", "{conversation}", "Samtaler whose window has closed.", s => s.Counts.ConversationsDue);
        Gauge("tilsyn.loop.conversations.held", "{conversation}", "Samtaler held in the current loops.", s => s.Counts.ConversationsHeld);
        Gauge("tilsyn.loop.conversations.overdue", "{conversation}", "Samtaler whose window closed without them being held.", s => s.Counts.ConversationsOverdue);
        Gauge("tilsyn.loop.one_to_ones.due", "{one_to_one}", "1:1s whose due day has passed.", s => s.Counts.OneToOnesDue);
        Gauge("tilsyn.loop.one_to_ones.held", "{one_to_one}", "1:1s held in the current loops.", s => s.Counts.OneToOnesHeld);
        Gauge("tilsyn.loop.one_to_ones.overdue", "{one_to_one}", "1:1s past their due day and not held.", s => s.Counts.OneToOnesOverdue);
        _gauges.Add(Meter.CreateObservableGauge("tilsyn.loop.one_to_one.adherence", () => Each(s => s.OneToOneAdherence), "1",
            "Held share of the 1:1s whose due day has passed (1 when none is due)."));
        _gauges.Add(Meter.CreateObservableGauge("tilsyn.loop.tasks.open", () => EachKind(t => t.Open), "{task}", "Open tasks (overdue ones included), per kind."));
        _gauges.Add(Meter.CreateObservableGauge("tilsyn.loop.tasks.overdue", () => EachKind(t => t.Overdue), "{task}", "Overdue tasks, per kind."));
        Gauge("tilsyn.loop.board_reports.due", "{report}", "Board reports not yet submitted whose notice period has begun.", s => s.Counts.BoardReportsDue);
        Gauge("tilsyn.loop.board_reports.overdue", "{report}", "Board reports past due and not submitted.", s => s.Counts.BoardReportsOverdue);
        Gauge("tilsyn.loop.board_reports.in_review", "{report}", "Board reports submitted and waiting for the chief's review.", s => s.Counts.BoardReportsInReview);
        Gauge("tilsyn.loop.agreements.open", "{agreement}", "Open agreements.", s => s.Counts.OpenAgreements);
        Gauge("tilsyn.loop.agreements.past_due", "{agreement}", "Open agreements past their due day.", s => s.Counts.AgreementsPastDue);
        Gauge("tilsyn.loop.data_packages.due", "{package}", "Data packages whose release day has come in the current loops.", s => s.DataPackages.Due);
        Gauge("tilsyn.loop.data_packages.released", "{package}", "Of the due data packages, those released.", s => s.DataPackages.Released);
        Gauge("tilsyn.loop.data_packages.corrections", "{release}", "Corrected releases of the due data packages.", s => s.DataPackages.Corrections);
    }

    public Meter Meter { get; }

    /// <summary>The report the gauges show; null until one is published (then the gauges report nothing).</summary>
    public LoopHealthReport? Latest => _latest;

    /// <summary>Whether a listener (an exporter, a test) reads any loop health gauge: only then is a refresh worth its grain calls.</summary>
    public bool IsObserved => _gauges.Exists(g => g.Enabled);

    public void Publish(LoopHealthReport report) => _latest = report ?? throw new ArgumentNullException(nameof(report));

    /// <summary>A unit reminder of a unit in <paramref name="sector"/> was delivered <paramref name="tardiness"/> after its due time.</summary>
    public void RecordReminderTardiness(Sector sector, TimeSpan tardiness)
    {
        var seconds = Math.Max(0, tardiness.TotalSeconds);
        _reminderTardiness.Record(seconds, Tags(sector));
        lock (_tardinessLock)
            _tardiness[sector] = _tardiness.GetValueOrDefault(sector, ReminderTardinessSummary.None) + new ReminderTardinessSummary(1, seconds, seconds);
    }

    /// <summary>The unit reminders of <paramref name="sector"/> delivered by this process so far.</summary>
    public ReminderTardinessSummary ReminderTardiness(Sector sector)
    {
        lock (_tardinessLock) return _tardiness.GetValueOrDefault(sector, ReminderTardinessSummary.None);
    }

    public void Dispose() => Meter.Dispose();

    private void Gauge(string name, string unit, string description, Func<SectorLoopHealthReport, int> value) =>
        _gauges.Add(Meter.CreateObservableGauge(name, () => Each(s => (long)value(s)), unit, description));

    private IEnumerable<Measurement<T>> Each<T>(Func<SectorLoopHealthReport, T> value)
        where T : struct
    {
        if (_latest is not { } report) yield break;
        foreach (var sector in report.Sectors) yield return new Measurement<T>(value(sector), Tags(sector.Sector));
    }

    private IEnumerable<Measurement<long>> EachKind(Func<TaskKindHealthDto, int> value)
    {
        if (_latest is not { } report) yield break;
        foreach (var sector in report.Sectors)
        {
            foreach (var kind in LoopHealthSum.AllKinds(sector.Counts))
            {
                yield return new Measurement<long>(value(kind),
                    new KeyValuePair<string, object?>(LoopHealthLabels.SectorKey, LoopHealthLabels.Of(sector.Sector)),
                    new KeyValuePair<string, object?>(LoopHealthLabels.AreaKey, LoopHealthLabels.Of(sector.Area)),
                    new KeyValuePair<string, object?>(LoopHealthLabels.TaskKindKey, LoopHealthLabels.Of(kind.Kind)));
            }
        }
    }

    private static KeyValuePair<string, object?>[] Tags(Sector sector) =>
    [
        new(LoopHealthLabels.SectorKey, LoopHealthLabels.Of(sector)),
        new(LoopHealthLabels.AreaKey, LoopHealthLabels.Of(LoopHealthLabels.AreaOf(sector))),
    ];
}
