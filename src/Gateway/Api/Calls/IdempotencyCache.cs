using System.Security.Cryptography;
using Google.Protobuf;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Api.Calls;

/// <summary>
/// The exact first answer to each change by its idempotency key (caller, method, request_id) for
/// <see cref="IdempotencyOptions.Retention"/> (real time), at most <see cref="IdempotencyOptions.MaxEntries"/>
/// keys (the oldest go first). A repeat while the first is running waits for it; a repeat after it gets
/// the same answer. Failures are not kept. In memory, per gateway process, on top of the grains' own
/// request ledgers (<see cref="RequestKeys"/>): those make a repeat after a restart or at another gateway
/// change nothing and answer with what the first change made; this cache keeps the answer byte for byte
/// where a resource changed since (a conversation held after it was scheduled).
/// </summary>
public sealed class IdempotencyCache(IdempotencyOptions options, TimeProvider realTime)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, Entry Entry)> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<TResponse> RunOnceAsync<TResponse>(string key, byte[] request, Func<Task<TResponse>> run)
        where TResponse : class, IMessage
    {
        var fingerprint = SHA256.HashData(request);
        Entry entry;
        bool first;
        lock (_gate)
        {
            var now = realTime.GetUtcNow();
            EvictExpired(now);
            first = !_entries.TryGetValue(key, out entry!) || entry.Response.Task is { IsFaulted: true } or { IsCanceled: true };
            if (first)
            {
                entry = new Entry(fingerprint, new TaskCompletionSource<IMessage>(TaskCreationOptions.RunContinuationsAsynchronously), now + options.Retention);
                _entries[key] = entry;
                _order.Enqueue((key, entry));
                while (_entries.Count > options.MaxEntries && _order.TryDequeue(out var oldest)) Remove(oldest.Key, oldest.Entry);
            }
            else if (!entry.Fingerprint.AsSpan().SequenceEqual(fingerprint))
            {
                throw GrpcErrors.InvalidArgument(
                    "request_id was used before for a different request.", ("request_id", "was used for another request; use a new key for a new request"));
            }
        }

        if (first)
        {
            try
            {
                entry.Response.TrySetResult(await run());
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    Remove(key, entry);
                }

                entry.Response.TrySetException(e);
            }
        }

        return (TResponse)await entry.Response.Task;
    }

    private void EvictExpired(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (oldest.Entry.Expires <= now || !ReferenceEquals(_entries.GetValueOrDefault(oldest.Key), oldest.Entry)))
        {
            _order.Dequeue();
            Remove(oldest.Key, oldest.Entry);
        }
    }

    private void Remove(string key, Entry entry)
    {
        if (ReferenceEquals(_entries.GetValueOrDefault(key), entry)) _entries.Remove(key);
    }

    private sealed record Entry(byte[] Fingerprint, TaskCompletionSource<IMessage> Response, DateTimeOffset Expires);
}

/// <summary>Configuration section <c>Gateway:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Gateway:Idempotency";

    /// <summary>How long (real time) an answer is kept for repeats.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many keys; the oldest are dropped first.</summary>
    public int MaxEntries { get; set; } = 20_000;
}
