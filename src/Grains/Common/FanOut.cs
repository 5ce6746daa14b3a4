namespace OrleansTilsyn.Grains.Common;

/// <summary>Calls many grains with a bounded number in flight, collecting every outcome (one failing does not stop the others).</summary>
public static class FanOut
{
    public const int DefaultParallelism = 64;

    public static async Task<(TKey Key, TResult? Value, Exception? Error)[]> RunAsync<TKey, TResult>(
        IReadOnlyList<TKey> keys, Func<TKey, Task<TResult>> call, int parallelism = DefaultParallelism)
    {
        var results = new (TKey, TResult?, Exception?)[keys.Count];
        var next = -1;
        async Task Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < keys.Count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    results[i] = (keys[i], await call(keys[i]), null);
                }
                catch (Exception error)
                {
                    results[i] = (keys[i], default, error);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(parallelism, Math.Max(keys.Count, 1))).Select(_ => Worker()));
        return results;
    }
}
