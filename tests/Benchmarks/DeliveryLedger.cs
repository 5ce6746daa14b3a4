namespace OrleansTilsyn.Benchmarks;

/// <summary>
/// Counts reminder deliveries per (grain, reminder) so the benchmark can prove every scheduled reminder
/// arrived exactly once, at its own due time. Grains are keyed "r-{index}", reminders named "r{index}".
/// </summary>
public sealed class DeliveryLedger(int grains, int remindersPerGrain, bool commitOnDelivery)
{
    private readonly int[] _deliveries = new int[grains * remindersPerGrain];
    private readonly long[] _dueTicks = new long[grains * remindersPerGrain];
    private long _total;
    private long _wrongDueTime;

    public int Grains => grains;
    public int RemindersPerGrain => remindersPerGrain;

    /// <summary>Whether a delivery also commits a state change of its grain.</summary>
    public bool CommitOnDelivery => commitOnDelivery;

    public long Total => Interlocked.Read(ref _total);
    public long WrongDueTime => Interlocked.Read(ref _wrongDueTime);

    public static string GrainKey(int grain) => "r-" + grain;

    public static string ReminderName(int reminder) => "r" + reminder;

    public void Expect(int grain, int reminder, DateTimeOffset dueAt) => _dueTicks[Slot(grain, reminder)] = dueAt.UtcTicks;

    public void Record(string grainKey, string reminderName, DateTimeOffset dueAt)
    {
        var slot = Slot(int.Parse(grainKey.AsSpan(2)), int.Parse(reminderName.AsSpan(1)));
        Interlocked.Increment(ref _deliveries[slot]);
        if (_dueTicks[slot] != dueAt.UtcTicks) Interlocked.Increment(ref _wrongDueTime);
        Interlocked.Increment(ref _total);
    }

    /// <summary>How many (grain, reminder) pairs were delivered a number of times other than once.</summary>
    public int NotExactlyOnce() => _deliveries.Count(count => count != 1);

    private int Slot(int grain, int reminder) => grain * remindersPerGrain + reminder;
}
