using OrleansTilsyn.Silo.Reminders;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Testing;

/// <summary>
/// Moves a manual domain clock and delivers reminders deterministically: the clock stops at every
/// due time on the way (so a handler sees Now == its due time), delivers everything due there on all
/// given silos, and goes on; reminders scheduled meanwhile that fall before the target are delivered
/// in the same advance. Reminders already overdue are delivered at the current time (catch-up).
/// </summary>
public sealed class ManualTimeDriver(ManualClock clock, IGrainStore store, Func<IReadOnlyList<ReminderService>> silos)
{
    public ManualClock Clock => clock;

    public Task AdvanceByAsync(TimeSpan delta, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        return AdvanceToAsync(clock.GetUtcNow() + delta, cancellationToken);
    }

    public async Task AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default)
    {
        if (target < clock.GetUtcNow()) throw new ArgumentOutOfRangeException(nameof(target), "The clock does not go back.");
        while (await store.NextReminderDueAsync(cancellationToken) is { } next && next <= target)
        {
            var services = silos();
            if (services.Count == 0) break;

            // Claiming one row finds the earliest claimable due time, skipping rows still leased
            // (a killed silo's) or waiting for a retry, which NextReminderDueAsync still reports.
            var first = await services[0].ClaimAsync(target, 1, cancellationToken);
            if (first.Count == 0) break;
            if (first[0].DueAt > clock.GetUtcNow()) clock.SetUtcNow(first[0].DueAt);
            await services[0].DeliverAsync(first, cancellationToken);
            await DeliverDueAsync(services, cancellationToken);
        }

        if (target > clock.GetUtcNow()) clock.SetUtcNow(target);
    }

    /// <summary>Delivers everything due at the clock's current time on all silos; returns the occurrences handled.</summary>
    public Task<int> DeliverDueAsync(CancellationToken cancellationToken = default) => DeliverDueAsync(silos(), cancellationToken);

    private static async Task<int> DeliverDueAsync(IReadOnlyList<ReminderService> services, CancellationToken cancellationToken)
    {
        var handled = await Task.WhenAll(services.Select(s => s.DeliverDueAsync(cancellationToken)));
        return handled.Sum();
    }
}
