using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

/// <summary>Collects what one meter instance reports (gauges on demand, histogram values as recorded), keyed by instrument and attributes.</summary>
internal sealed class MeasuredValues : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _gauges = new();
    private readonly ConcurrentQueue<(string Instrument, string Tags, double Value)> _recorded = new();

    public MeasuredValues(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    /// <summary>Histogram values recorded so far: (instrument, "k=v,k=v", value).</summary>
    public IReadOnlyList<(string Instrument, string Tags, double Value)> Recorded => [.. _recorded];

    /// <summary>Reads every observable gauge now; returns "instrument{k=v,k=v}" → value.</summary>
    public IReadOnlyDictionary<string, double> ReadGauges()
    {
        _gauges.Clear();
        _listener.RecordObservableInstruments();
        return new Dictionary<string, double>(_gauges);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = Tags(tags);
        if (instrument is Histogram<double>) _recorded.Enqueue((instrument.Name, text, value));
        else _gauges[$"{instrument.Name}{{{text}}}"] = value;
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>();
        foreach (var tag in tags) pairs.Add($"{tag.Key}={tag.Value}");
        return string.Join(",", pairs);
    }
}
