using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.Silo.Tests.Committing;

/// <summary>The host's reminder table, counting the writes (upserts and removals) to it.</summary>
internal sealed class CountingReminderTable(IReminderTable inner, ReminderWrites writes) : IReminderTable
{
    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        writes.Count();
        return inner.UpsertRow(entry);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        writes.Count();
        return inner.RemoveRow(grainId, reminderName, eTag);
    }

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
}

public sealed class ReminderWrites
{
    private int count;

    public int Total => Volatile.Read(ref count);

    internal void Count() => Interlocked.Increment(ref count);
}
