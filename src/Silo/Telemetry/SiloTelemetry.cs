using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Telemetry;

/// <summary>
/// The silo's trace and metric sources, both named <see cref="Name"/>: subscribe to that name
/// (OpenTelemetry AddSource/AddMeter) to export grain calls, activations, storage writes and reminders.
/// </summary>
public static class SiloTelemetry
{
    public const string Name = "OrleansTilsyn.Silo";

    public static ActivitySource ActivitySource { get; } = new(Name);
    public static Meter Meter { get; } = new(Name);

    internal static Counter<long> GrainCalls { get; } = Meter.CreateCounter<long>("tilsyn.grain.calls", description: "Grain calls made, by grain type, method and outcome.");
    internal static Histogram<double> GrainCallDuration { get; } = Meter.CreateHistogram<double>("tilsyn.grain.call.duration", "s", "Time from call to result, queueing included.");
    internal static UpDownCounter<long> Activations { get; } = Meter.CreateUpDownCounter<long>("tilsyn.grain.activations", description: "Live activations, by grain type.");
    internal static Histogram<double> StorageWriteDuration { get; } = Meter.CreateHistogram<double>("tilsyn.storage.write.duration", "s", "Latency of one state write (state, audit and reminder changes).");
    internal static Counter<long> StaleWrites { get; } = Meter.CreateCounter<long>("tilsyn.state.stale_writes", description: "State writes refused because another writer moved the version; outcome retried or conflict.");
    internal static Counter<long> RemindersDue { get; } = Meter.CreateCounter<long>("tilsyn.reminders.due", description: "Reminder occurrences claimed for delivery.");
    internal static Counter<long> RemindersDelivered { get; } = Meter.CreateCounter<long>("tilsyn.reminders.delivered", description: "Reminder occurrences delivered successfully.");
    internal static Counter<long> RemindersFailed { get; } = Meter.CreateCounter<long>("tilsyn.reminders.failed", description: "Reminder deliveries that failed and were released for retry.");
    internal static Histogram<double> ReminderTardiness { get; } = Meter.CreateHistogram<double>("tilsyn.reminder.tardiness", "s", "Domain time between a reminder's due time and its delivery.");

    /// <summary>A span around one storage operation of a grain (a child of the grain call that causes it).</summary>
    internal static Activity? StartStorage(string operation, GrainId grain)
    {
        var activity = ActivitySource.StartActivity($"storage {operation} {grain.Type}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("tilsyn.grain.type", grain.Type);
            activity.SetTag("tilsyn.grain.key", grain.Key);
        }

        return activity;
    }

    internal static void RecordCall(string grainType, string method, bool succeeded, long startedTimestamp)
    {
        var typeTag = new KeyValuePair<string, object?>("grain.type", grainType);
        var methodTag = new KeyValuePair<string, object?>("grain.method", method);
        if (GrainCalls.Enabled)
            GrainCalls.Add(1, typeTag, methodTag, new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "error"));
        if (GrainCallDuration.Enabled)
            GrainCallDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, typeTag, methodTag);
    }

    internal static void StaleWrite(string grainType, bool retried)
    {
        if (StaleWrites.Enabled)
            StaleWrites.Add(1, new KeyValuePair<string, object?>("grain.type", grainType), new KeyValuePair<string, object?>("outcome", retried ? "retried" : "conflict"));
    }

    internal static void ActivationChanged(string grainType, int delta)
    {
        if (Activations.Enabled) Activations.Add(delta, new KeyValuePair<string, object?>("grain.type", grainType));
    }
}
