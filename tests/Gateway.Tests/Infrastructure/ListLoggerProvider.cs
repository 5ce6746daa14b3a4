using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>Keeps every log entry so that tests can check what was logged, with the trace id its scopes carry (if any).</summary>
public sealed class ListLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, Entries, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, string? TraceId = null);

    private sealed class ListLogger(string category, ConcurrentQueue<LogEntry> entries, Func<IExternalScopeProvider?> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? traceId = null;
            scopes()?.ForEachScope((scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    traceId = values.FirstOrDefault(v => v.Key == "TraceId").Value?.ToString() ?? traceId;
            }, (object?)null);
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, traceId));
        }
    }
}
