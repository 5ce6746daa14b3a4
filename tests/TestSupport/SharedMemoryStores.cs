using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.TestSupport;

/// <summary>
/// Grain state and reminder rows of one test cluster, held outside its silos, so they survive killing or
/// restarting any silo (Orleans' memory grain storage and in-memory reminder table live in grains, which die with
/// the silo that hosts them).
/// </summary>
public sealed class SharedMemoryStores
{
    internal ConcurrentDictionary<(string StateName, GrainId GrainId), (byte[] State, string ETag)> GrainStates { get; } = new();

    internal ConcurrentDictionary<(GrainId GrainId, string Name), ReminderEntry> Reminders { get; } = new();

    /// <summary>The reminder rows, as the reminder table holds them.</summary>
    public IReadOnlyList<ReminderEntry> ReminderRows => [.. Reminders.Values];

    internal static string NewETag() => Guid.NewGuid().ToString("N");
}
