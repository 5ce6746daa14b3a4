using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Gateway.Api.Calls;

/// <summary>
/// An import the caller stopped waiting for (its deadline passed or it cancelled) still runs to its end in its
/// grain, as every change does. The caller only hears DEADLINE_EXCEEDED, so the log says that the import goes
/// on and, when it ends, what it applied.
/// </summary>
public static partial class ImportsPastDeadline
{
    /// <summary>The grain call <paramref name="call"/>, logged as going on if <paramref name="callerGone"/> fires before it ends.</summary>
    public static Func<Task<Result<T>>> Watched<T>(Func<Task<Result<T>>> call, ILogger logger, string import, CancellationToken callerGone, Func<T, string> describe) => () =>
    {
        var running = call();
        if (running.IsCompleted || !callerGone.CanBeCanceled) return running;
        var watch = callerGone.Register(() =>
        {
            if (running.IsCompleted) return;
            LogGoesOn(logger, import);
            running.ContinueWith(t => LogEnded(logger, import, t.IsCompletedSuccessfully
                ? t.Result.IsSuccess ? describe(t.Result.Value) : t.Result.Problem.ToString()
                : $"failed: {t.Exception?.GetBaseException().Message}"), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        });
        running.ContinueWith(_ => watch.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return running;
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Import}: the caller stopped waiting (deadline or cancel); the import goes on to its end: what it commits is whole, and importing the same file again is harmless and completes it")]
    private static partial void LogGoesOn(ILogger logger, string import);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Import} that the caller stopped waiting for has ended: {Outcome}")]
    private static partial void LogEnded(ILogger logger, string import, string outcome);
}
