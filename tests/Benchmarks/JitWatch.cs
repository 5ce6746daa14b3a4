using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace OrleansTilsyn.Benchmarks;

public sealed class JitWatch : EventListener
{
    public readonly ConcurrentDictionary<string, int> Counts = new();
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("MethodLoadVerbose")) return;
        var ns = e.Payload?[e.PayloadNames!.IndexOf("MethodNamespace")]?.ToString() ?? "";
        var name = e.Payload?[e.PayloadNames!.IndexOf("MethodName")]?.ToString() ?? "";
        var sig = e.Payload?[e.PayloadNames!.IndexOf("MethodSignature")]?.ToString() ?? "";
        if (ns.Contains("dynamicClass") || name.Contains("Invoke") ) Counts.AddOrUpdate($"{ns}::{name} {sig}"[..Math.Min(200, $"{ns}::{name} {sig}".Length)], 1, (_, n) => n + 1);
    }
}
