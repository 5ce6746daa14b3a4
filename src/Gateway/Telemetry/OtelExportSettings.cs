namespace OrleansTilsyn.Gateway.Telemetry;

/// <summary>
/// Which signals go to an OTLP exporter, read from the standard <c>OTEL_*</c> variables (through
/// configuration, which holds the environment). A signal is exported when <c>OTEL_{SIGNAL}_EXPORTER</c>
/// names <c>otlp</c>, or, when that is unset, when an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// or the signal's own) is set. Unlike the SDK default, nothing is exported to localhost without being
/// asked: the embedded default runs with no exporter at all. <c>OTEL_SDK_DISABLED=true</c> turns all off.
/// </summary>
public sealed record OtelExportSettings(bool Traces, bool Metrics, bool Logs, IReadOnlyList<string> Unsupported)
{
    public bool Any => Traces || Metrics || Logs;

    public static OtelExportSettings From(IConfiguration configuration)
    {
        if (string.Equals(Value(configuration, "OTEL_SDK_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
            return new OtelExportSettings(false, false, false, []);
        var unsupported = new List<string>();
        var anyEndpoint = Value(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT") is not null;
        return new OtelExportSettings(
            Signal(configuration, "TRACES", anyEndpoint, unsupported),
            Signal(configuration, "METRICS", anyEndpoint, unsupported),
            Signal(configuration, "LOGS", anyEndpoint, unsupported),
            unsupported);
    }

    private static bool Signal(IConfiguration configuration, string signal, bool anyEndpoint, List<string> unsupported)
    {
        var key = $"OTEL_{signal}_EXPORTER";
        if (Value(configuration, key) is not { } exporters)
            return anyEndpoint || Value(configuration, $"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT") is not null;
        var names = exporters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        unsupported.AddRange(names.Where(n => !n.Equals("otlp", StringComparison.OrdinalIgnoreCase) && !n.Equals("none", StringComparison.OrdinalIgnoreCase))
            .Select(n => $"{key}={n}"));
        return names.Contains("otlp", StringComparer.OrdinalIgnoreCase);
    }

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
