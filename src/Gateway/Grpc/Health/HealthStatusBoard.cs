using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace OrleansTilsyn.Gateway.Grpc.Health;

/// <summary>The default health source: statuses set by whoever knows (e.g. a store reachability
/// probe calling <see cref="SetStatus"/>). The server ("") and every mapped service start as SERVING.</summary>
public sealed class HealthStatusBoard : IGrpcHealthSource
{
    public const string Server = "";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, GrpcServingStatus> _statuses = new(StringComparer.Ordinal) { [Server] = GrpcServingStatus.Serving };
    private readonly List<Watcher> _watchers = [];

    public GrpcServingStatus? GetStatus(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    public void SetStatus(string service, GrpcServingStatus status) => Change(service, status);

    /// <summary>Sets the server and every known service at once (e.g. when the store is unreachable).</summary>
    public void SetAll(GrpcServingStatus status)
    {
        string[] services;
        lock (_lock)
        {
            services = [.. _statuses.Keys];
        }

        foreach (var service in services)
        {
            Change(service, status);
        }
    }

    /// <summary>Forgets a service: Check answers NOT_FOUND, Watch reports SERVICE_UNKNOWN.</summary>
    public void Clear(string service) => Change(service, null);

    public async IAsyncEnumerable<GrpcServingStatus?> WatchAsync(string service, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Only the latest status matters to a watcher that falls behind.
        var channel = Channel.CreateBounded<GrpcServingStatus?>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var watcher = new Watcher(service, channel.Writer);
        GrpcServingStatus? current;
        lock (_lock)
        {
            _watchers.Add(watcher);
            current = _statuses.TryGetValue(service, out var status) ? status : null;
        }

        try
        {
            yield return current;
            var last = current;
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var next))
                {
                    if (next != last)
                    {
                        last = next;
                        yield return next;
                    }
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(watcher);
            }
        }
    }

    internal void MarkServing(IEnumerable<string> services)
    {
        lock (_lock)
        {
            foreach (var service in services)
            {
                _statuses.TryAdd(service, GrpcServingStatus.Serving);
            }
        }
    }

    private void Change(string service, GrpcServingStatus? status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (status is { } known)
            {
                _statuses[service] = known;
            }
            else
            {
                _statuses.Remove(service);
            }

            foreach (var watcher in _watchers)
            {
                if (watcher.Service == service)
                {
                    watcher.Writer.TryWrite(status);
                }
            }
        }
    }

    private sealed record Watcher(string Service, ChannelWriter<GrpcServingStatus?> Writer);
}
