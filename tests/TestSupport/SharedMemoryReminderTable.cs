using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.TestSupport;

/// <summary>Orleans' reminder table contract over <see cref="SharedMemoryStores"/> (rows copied in and out).</summary>
internal sealed class SharedMemoryReminderTable(SharedMemoryStores stores) : IReminderTable
{
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(stores.Reminders.Values.Where(r => r.GrainId.Equals(grainId)).Select(Copy)));

    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var range = RangeFactory.CreateRange(begin, end);
        return Task.FromResult(new ReminderTableData(stores.Reminders.Values.Where(r => range.InRange(r.GrainId)).Select(Copy)));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(stores.Reminders.TryGetValue((grainId, reminderName), out var row) ? Copy(row) : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var row = Copy(entry);
        row.ETag = SharedMemoryStores.NewETag();
        stores.Reminders[(entry.GrainId, entry.ReminderName)] = row;
        return Task.FromResult<string?>(row.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var key = (grainId, reminderName);
        var removed = stores.Reminders.TryGetValue(key, out var row) && row.ETag == eTag
            && stores.Reminders.TryRemove(KeyValuePair.Create(key, row));
        return Task.FromResult(removed);
    }

    public Task TestOnlyClearTable()
    {
        stores.Reminders.Clear();
        return Task.CompletedTask;
    }

    private static ReminderEntry Copy(ReminderEntry row) =>
        new() { GrainId = row.GrainId, ReminderName = row.ReminderName, StartAt = row.StartAt, Period = row.Period, ETag = row.ETag };
}
