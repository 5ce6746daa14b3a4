using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrleansTilsyn.Gateway.Tests.Telemetry;

/// <summary>Reads the observable gauges of one meter instance on demand, keyed "instrument{k=v,k=v}".</summary>
internal sealed class MeasuredGauges : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _values = new();

    public MeasuredGauges(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.IsObservable) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => _values[Key(i, tags)] = value);
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => _values[Key(i, tags)] = value);
        _listener.Start();
    }

    public IReadOnlyDictionary<string, double> Read()
    {
        _values.Clear();
        _listener.RecordObservableInstruments();
        return new Dictionary<string, double>(_values);
    }

    public void Dispose() => _listener.Dispose();

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>();
        foreach (var tag in tags) pairs.Add($"{tag.Key}={tag.Value}");
        return $"{instrument.Name}{{{string.Join(",", pairs)}}}";
    }
}
