using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Silo.Reminders;

/// <summary>
/// Delivers durable reminders of one silo: claims due rows under a lease (owner = silo name),
/// delivers each in a normal turn of its grain as <see cref="Actor.Reminder"/>, groups of equal due
/// time one after another with bounded concurrency inside a group, then completes the delivered
/// rows and releases the failed ones for a later retry (real-time backoff).
/// </summary>
public sealed class ReminderService
{
    private readonly GrainRuntime _runtime;
    private readonly ILogger _logger;

    internal ReminderService(GrainRuntime runtime, ILogger logger)
    {
        _runtime = runtime;
        _logger = logger;
    }

    public string Owner => Options.SiloName;

    private SiloOptions Options => _runtime.Options;
    private IGrainStore Store => _runtime.Store;

    /// <summary>
    /// Delivers everything due by the domain clock's now, batch after batch, and returns when nothing
    /// due is claimable (failed rows wait for their retry time). Returns the occurrences handled.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var handled = 0;
        while (true)
        {
            var rows = await ClaimAsync(_runtime.Clock.GetUtcNow(), Options.ReminderBatchSize, cancellationToken);
            if (rows.Count == 0) return handled;
            await DeliverAsync(rows, cancellationToken);
            handled += rows.Count;
        }
    }

    internal async Task<IReadOnlyList<ReminderRow>> ClaimAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken)
    {
        if (_runtime.IsStopped) return [];
        var rows = await Store.ClaimDueRemindersAsync(dueBy, _runtime.InfrastructureTime.GetUtcNow(), Options.ReminderLease, Owner, max, cancellationToken);
        if (rows.Count > 0 && SiloTelemetry.RemindersDue.Enabled)
        {
            foreach (var type in rows.GroupBy(r => r.Grain.Type))
                SiloTelemetry.RemindersDue.Add(type.Count(), new KeyValuePair<string, object?>("grain.type", type.Key));
        }

        return rows;
    }

    /// <summary>Delivers claimed rows: groups of equal due time in due order, each group with bounded concurrency.</summary>
    internal async Task DeliverAsync(IReadOnlyList<ReminderRow> rows, CancellationToken cancellationToken)
    {
        var ordered = rows.OrderBy(r => r.DueAt).ToArray();
        var start = 0;
        while (start < ordered.Length)
        {
            var end = start + 1;
            while (end < ordered.Length && ordered[end].DueAt == ordered[start].DueAt) end++;
            await DeliverGroupAsync(ordered[start..end], cancellationToken);
            start = end;
        }
    }

    private async Task DeliverGroupAsync(ReminderRow[] group, CancellationToken cancellationToken)
    {
        var delivered = new bool[group.Length];
        await BoundedConcurrency.ForEachAsync(group.Length, Options.ReminderConcurrency,
            async i => delivered[i] = await DeliverOneAsync(group[i]), cancellationToken);
        var completed = group.Where((_, i) => delivered[i]).ToArray();
        if (completed.Length > 0) await Store.CompleteRemindersAsync(completed, cancellationToken);
        foreach (var failed in group.Where((_, i) => !delivered[i]).GroupBy(r => r.Attempts))
        {
            var retryAfter = _runtime.InfrastructureTime.GetUtcNow() + RetryDelay(failed.Key);
            await Store.ReleaseRemindersAsync(failed.ToArray(), retryAfter, cancellationToken);
        }
    }

    private async Task<bool> DeliverOneAsync(ReminderRow row)
    {
        var now = _runtime.Clock.GetUtcNow();
        using var activity = StartActivity(row);
        try
        {
            await _runtime.InvokeReminderAsync(row.Grain, row.Name, new TickStatus(row.DueAt, now, row.Attempts + 1));
            var tags = new KeyValuePair<string, object?>("grain.type", row.Grain.Type);
            if (SiloTelemetry.RemindersDelivered.Enabled) SiloTelemetry.RemindersDelivered.Add(1, tags);
            if (SiloTelemetry.ReminderTardiness.Enabled) SiloTelemetry.ReminderTardiness.Record((now - row.DueAt).TotalSeconds, tags);
            return true;
        }
        catch (Exception error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            if (SiloTelemetry.RemindersFailed.Enabled) SiloTelemetry.RemindersFailed.Add(1, new KeyValuePair<string, object?>("grain.type", row.Grain.Type));
            _logger.LogWarning(error, "Reminder {Reminder} of {Grain} due {DueAt} failed on attempt {Attempt}.", row.Name, row.Grain, row.DueAt, row.Attempts + 1);
            return false;
        }
    }

    private TimeSpan RetryDelay(int previousAttempts)
    {
        var factor = Math.Pow(2, Math.Min(previousAttempts, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(Options.ReminderRetryDelay.Ticks * factor, Options.ReminderRetryMaxDelay.Ticks));
        return delay;
    }

    /// <summary>A root span per delivery, linked to the span that scheduled the reminder.</summary>
    private static Activity? StartActivity(ReminderRow row)
    {
        Activity.Current = null;
        ActivityLink[]? links = row.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var scheduledBy)
            ? [new ActivityLink(scheduledBy)]
            : null;
        var activity = SiloTelemetry.ActivitySource.StartActivity($"reminder {row.Grain.Type}", ActivityKind.Internal, default(ActivityContext), links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("tilsyn.grain.type", row.Grain.Type);
            activity.SetTag("tilsyn.grain.key", row.Grain.Key);
            activity.SetTag("tilsyn.reminder.name", row.Name);
            activity.SetTag("tilsyn.reminder.due_at", row.DueAt.ToString("O"));
            activity.SetTag("tilsyn.reminder.attempt", row.Attempts + 1);
        }

        return activity;
    }
}
