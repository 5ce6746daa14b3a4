namespace OrleansTilsyn.Silo.Reminders;

internal static class BoundedConcurrency
{
    /// <summary>Runs <paramref name="body"/> for indexes 0..count-1 with at most <paramref name="limit"/> running at once.</summary>
    public static async Task ForEachAsync(int count, int limit, Func<int, Task> body, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = new Task[Math.Min(limit, count)];
        for (var w = 0; w < workers.Length; w++) workers[w] = WorkAsync();
        await Task.WhenAll(workers);

        async Task WorkAsync()
        {
            await Task.Yield();
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await body(index);
            }
        }
    }
}
