using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Services;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>
/// Wakes, once the silo is active, every agenda grain whose <see cref="IAgendaGrain.WakeReminder"/> row is past due on
/// the reminder clock: Orleans skips the reminder ticks that fell due while no silo ran, so without this an outage
/// would postpone each grain's due items to its next heartbeat. The agenda grain registers its reminder for its next
/// due item and registers again once that time has passed, so a row whose start time has passed marks a grain that
/// may have items due. Runs in the background (the silo serves meanwhile); failures are logged, the silo stays up.
/// Only the rows of this silo's ring range are read, so in a cluster each silo wakes its own share (a range that
/// moves while silos join may give a grain two wakes, which <see cref="IAgendaGrain.WakeAsync"/> allows).
/// </summary>
internal sealed partial class AgendaCatchUp(
    IServiceProvider services,
    IReminderTable reminders,
    IGrainFactory grains,
    [FromKeyedServices(ReminderTimeProviderNames.Reminders)] TimeProvider clock,
    IOptions<AgendaCatchUpOptions> options,
    ILogger<AgendaCatchUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly Counter<long> Wakes = SiloTelemetry.Meter.CreateCounter<long>(
        "tilsyn.agenda.catch_up.wakes", description: "Agenda grains woken at silo start because their wake-up fell due while no silo ran, by outcome.");

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<AgendaCatchUpResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _run;

    /// <summary>The outcome of this silo's catch-up, once it has run.</summary>
    public Task<AgendaCatchUpResult> Completion => _completion.Task;

    /// <remarks>
    /// After the Active stage, in which Orleans starts the grain services: by then <see cref="AgendaCatchUpRange"/> knows
    /// this silo's range (in the same stage a joining silo could find it not yet started and read the whole ring).
    /// </remarks>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AgendaCatchUp), ServiceLifecycleStage.Active + 1, OnActive, OnStopping);

    private Task OnActive(CancellationToken cancellationToken)
    {
        _run = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopping(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_run is not null) await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rows = await ReadAgendaRowsAsync(_stopping.Token);
            var due = rows.Where(row => row.StartAt <= now).Select(row => row.GrainId).Distinct().ToList();
            var failed = 0;
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentWakes, CancellationToken = _stopping.Token },
                async (grain, _) =>
                {
                    if (!await WakeAsync(grain)) Interlocked.Increment(ref failed);
                });
            var result = new AgendaCatchUpResult(due.Count, due.Count - failed, failed, rows.Count - due.Count);
            LogCaughtUp(result.Due, result.Woken, result.Failed, result.NotYetDue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _completion.TrySetResult(result);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            LogStoppedEarly(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _completion.TrySetCanceled();
        }
        catch (Exception exception)
        {
            LogCatchUpFailed(exception);
            _completion.TrySetException(exception);
        }
    }

    private async Task<List<ReminderEntry>> ReadAgendaRowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ReminderEntry>();
        var range = OwnRange();
        foreach (var part in RangeFactory.GetSubRanges(range))
        {
            var table = await reminders.ReadRows(part.Begin, part.End, cancellationToken);
            rows.AddRange(table.Reminders.Where(row => row.ReminderName == IAgendaGrain.WakeReminder));
        }

        return rows;
    }

    /// <summary>This silo's range, or the whole ring when the range service is not registered (then every silo wakes every grain).</summary>
    private IRingRange OwnRange() =>
        services.GetServices<IGrainService>().OfType<AgendaCatchUpRange>().SingleOrDefault()?.Current ?? RangeFactory.CreateFullRange();

    private async Task<bool> WakeAsync(GrainId grain)
    {
        try
        {
            await grains.GetGrain<IAgendaGrain>(grain).WakeAsync();
            Count("woken");
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Count("failed");
            LogWakeFailed(grain, exception);
            return false;
        }
    }

    private static void Count(string outcome)
    {
        if (Wakes.Enabled) Wakes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Agenda catch-up: {Due} grains past due, {Woken} woken, {Failed} failed, {NotYetDue} not yet due, in {DurationMs:F0} ms.")]
    private partial void LogCaughtUp(int due, int woken, int failed, int notYetDue, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agenda catch-up: waking {Grain} failed; its next reminder tick wakes it.")]
    private partial void LogWakeFailed(GrainId grain, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agenda catch-up stopped with the silo after {DurationMs:F0} ms.")]
    private partial void LogStoppedEarly(double durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Agenda catch-up failed; past-due agenda grains wake at their next reminder tick or activation.")]
    private partial void LogCatchUpFailed(Exception exception);
}

/// <summary>One silo's catch-up: rows past due, grains woken and failed, and rows not yet due (left to their reminders).</summary>
internal sealed record AgendaCatchUpResult(int Due, int Woken, int Failed, int NotYetDue);
