using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansTilsyn.Silo.Telemetry;
using OrleansTilsyn.Silo.Tests.Grains;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests;

public sealed class TelemetryTests
{
    [Theory, ClassData(typeof(StoreKinds))]
    public async Task ReminderDeliverySpanLinksToTheSpanThatScheduledIt(StoreKind store)
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SiloTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("traced-span");

        await grain.ScheduleAsync("traced", TestSilos.Start.AddDays(1));
        await cluster.AdvanceByAsync(TimeSpan.FromDays(2));

        var scheduling = Assert.Single(spans, s => s.OperationName == "test-reminders/ScheduleAsync" && Key(s) == "traced-span");
        var delivery = Assert.Single(spans, s => s.OperationName == "reminder test-reminders" && Key(s) == "traced-span");
        Assert.Equal(scheduling.TraceId, Assert.Single(delivery.Links).Context.TraceId);
        Assert.Equal(scheduling.SpanId, Assert.Single(delivery.Links).Context.SpanId);
        var handler = Assert.Single(spans, s => s.OperationName == "test-reminders/ReceiveReminderAsync" && Key(s) == "traced-span");
        Assert.Equal(delivery.SpanId, handler.ParentSpanId);
    }

    [Theory, ClassData(typeof(StoreKinds))]
    public async Task CallsActivationsWritesAndRemindersAreMeasured(StoreKind store)
    {
        var measured = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SiloTelemetry.Name) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        listener.Start();
        await using var cluster = await TestSilos.StartAsync(store, new TestProbe());
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("metered");

        await grain.ScheduleAsync("late", TestSilos.Start.AddHours(1));
        cluster.Clock.AdvanceBy(TimeSpan.FromHours(3));
        await cluster.DeliverDueAsync();

        Assert.True(measured.GetValueOrDefault("tilsyn.grain.calls") >= 2);
        Assert.True(measured.ContainsKey("tilsyn.grain.call.duration"));
        Assert.True(measured.GetValueOrDefault("tilsyn.grain.activations") >= 1);
        Assert.True(measured.ContainsKey("tilsyn.storage.write.duration"));
        Assert.True(measured.GetValueOrDefault("tilsyn.reminders.due") >= 1);
        Assert.True(measured.GetValueOrDefault("tilsyn.reminders.delivered") >= 1);
        Assert.True(measured.GetValueOrDefault("tilsyn.reminder.tardiness") >= TimeSpan.FromHours(2).TotalSeconds);

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                // Other tests run in parallel: count only increments (their deactivations subtract).
                if (tag is { Key: "grain.type", Value: "test-reminders" } && value >= 0)
                    measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            }
        }
    }

    private static string? Key(Activity span) => span.GetTagItem("tilsyn.grain.key") as string;
}
