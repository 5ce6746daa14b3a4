using System.Diagnostics;

namespace OrleansTilsyn.Benchmarks;

/// <summary>What a timed load did: operations completed, wall time, and bytes allocated by the whole process meanwhile.</summary>
public sealed record LoadRun(long Operations, TimeSpan Elapsed, long AllocatedBytes)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
    public double BytesPerOperation => Operations == 0 ? 0 : (double)AllocatedBytes / Operations;
}

/// <summary>Concurrent callers, each awaiting one operation after another until the time is up.</summary>
public static class CallerLoad
{
    /// <param name="operation">Called with (caller index, that caller's iteration); every completed call counts.</param>
    public static async Task<LoadRun> RunAsync(int callers, TimeSpan duration, Func<int, long, Task> operation)
    {
        long operations = 0;
        using var timeUp = new CancellationTokenSource(duration);
        var token = timeUp.Token;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var stopwatch = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long mine = 0;
            // Calls that complete synchronously never yield the thread, so the timer behind the token can
            // fire late on a busy pool: the clock is read as well, every 64 operations to keep it cheap.
            while (!token.IsCancellationRequested && ((mine & 63) != 0 || Stopwatch.GetTimestamp() < deadline))
            {
                await operation(caller, mine);
                mine++;
            }

            Interlocked.Add(ref operations, mine);
        })));
        stopwatch.Stop();
        return new LoadRun(operations, stopwatch.Elapsed, GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore);
    }
}
