using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// The call path of one silo: cycle check, span and metrics, the turn (or the read-only bypass),
/// and the call timeout on real time.
/// </summary>
internal sealed class GrainRuntime
{
    private volatile bool _stopped;

    public GrainRuntime(SiloOptions options, GrainTypeRegistry registry, IGrainStore store, TimeProvider clock, IServiceProvider services, ILogger logger)
    {
        Options = options;
        Registry = registry;
        Store = store;
        Clock = clock;
        Services = services;
        Logger = logger;
        Catalog = new Catalog(this);
        StateStorage = new StateStorage(store, clock, options.StateJsonOptions ?? StateJson.CreateOptions());
        GrainFactory = new GrainFactory(this, registry, options.ProxyCacheSize);
    }

    public SiloOptions Options { get; }
    public GrainTypeRegistry Registry { get; }
    public IGrainStore Store { get; }
    public TimeProvider Clock { get; }
    public TimeProvider InfrastructureTime => Options.InfrastructureTime;
    public IServiceProvider Services { get; }
    public ILogger Logger { get; }
    public Catalog Catalog { get; }
    public StateStorage StateStorage { get; }
    public GrainFactory GrainFactory { get; }
    public bool IsStopped => _stopped;

    public void Stop() => _stopped = true;

    public Exception StoppedError() => new ObjectDisposedException($"silo {Options.SiloName}", "The silo is stopped.");

    public async Task<T> InvokeAsync<T>(GrainId grain, GrainClass grainClass, GrainMethod<T> method, object?[] args)
    {
        if (_stopped) throw StoppedError();
        var chain = CallChain.Current;
        if (!method.IsReadOnly)
        {
            if (chain is not null && chain.Contains(grain)) throw new CallCycleException(chain.Then(grain));
            CallChain.Current = new CallChain(grain, chain);
        }

        using var activity = StartActivity(grain, method);
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        var callerToken = method.CallerToken(args);
        using var timeout = method.TokenIndex >= 0 ? new CancellationTokenSource(Options.CallTimeout, InfrastructureTime) : null;
        using var callerLink = timeout is not null && callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout)
            : default;
        GrainCall<T>? call = null;
        var pending = method.IsReadOnly ? TryReadOnly(grain, grainClass, method, args, chain, timeout) : null;
        if (pending is null)
        {
            call = new GrainCall<T>(method, args, timeout?.Token ?? default);
            Catalog.Dispatch(grain, grainClass, call);
            pending = call.Task;
        }

        try
        {
            var result = pending.IsCompleted ? await pending
                : timeout is null ? await pending.WaitAsync(Options.CallTimeout, InfrastructureTime)
                : await pending.WaitAsync(timeout.Token);
            succeeded = true;
            return result;
        }
        catch (TimeoutException) when (!pending.IsCompleted)
        {
            throw Abandon(call, pending, new GrainCallTimeoutException(grain, method.Name, Options.CallTimeout), activity);
        }
        catch (OperationCanceledException) when (timeout is { IsCancellationRequested: true })
        {
            throw Abandon(call, pending, callerToken.IsCancellationRequested
                ? new OperationCanceledException(callerToken)
                : new GrainCallTimeoutException(grain, method.Name, Options.CallTimeout), activity);
        }
        catch (Exception error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            throw;
        }
        finally
        {
            SiloTelemetry.RecordCall(grainClass.TypeName, method.Name, succeeded, started);
        }
    }

    /// <summary>Delivers a reminder occurrence in a turn of its grain, attributed to <see cref="Actor.Reminder"/>.</summary>
    public async Task InvokeReminderAsync(GrainId grain, string name, TickStatus status)
    {
        var grainClass = Registry.FindClass(grain.Type)
            ?? throw new InvalidOperationException($"No grain class has type name '{grain.Type}' (reminder '{name}' of {grain}).");
        var method = grainClass.ReminderMethod
            ?? throw new InvalidOperationException($"{grainClass.Type.Name} got reminder '{name}' but does not implement IRemindable.");
        CallChain.Current = null;
        using (CallContext.As(Actor.Reminder))
            await InvokeAsync(grain, grainClass, method, [name, status]);
    }

    /// <summary>A read-only call runs beside the turn when the activation is ready (and, if asked, its version is current).</summary>
    private Task<T>? TryReadOnly<T>(GrainId grain, GrainClass grainClass, GrainMethod<T> method, object?[] args, CallChain? chain, CancellationTokenSource? timeout)
    {
        var activation = Catalog.GetOrCreate(grain, grainClass);
        activation.Touch();
        if (activation.ReadyInstance is not { } instance) return null;
        var token = timeout?.Token ?? default;
        if (!Options.RevalidateReads || instance.State is null || (chain?.Contains(grain) ?? false))
            return method.InvokeOn(instance.Grain, args, token).AsTask();
        return RevalidatedReadAsync(activation, grainClass, method, args, token);
    }

    private async Task<T> RevalidatedReadAsync<T>(Activation activation, GrainClass grainClass, GrainMethod<T> method, object?[] args, CancellationToken token)
    {
        var stored = await Store.ReadVersionAsync(activation.Id, token);
        if (activation.ReadyInstance is { State: { } state } instance && state.Version == stored)
            return await method.InvokeOn(instance.Grain, args, token);
        var call = new GrainCall<T>(method, args, token);
        Catalog.Dispatch(activation.Id, grainClass, call);
        return await call.Task;
    }

    /// <summary>The caller gives up: a queued call is skipped; a running one may still fail later, unobserved.</summary>
    private static Exception Abandon<T>(GrainCall<T>? call, Task<T> pending, Exception error, Activity? activity)
    {
        call?.TrySetException(error);
        _ = pending.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        return error;
    }

    private static Activity? StartActivity(GrainId grain, GrainMethod method)
    {
        var activity = SiloTelemetry.ActivitySource.StartActivity(method.SpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("tilsyn.grain.type", grain.Type);
            activity.SetTag("tilsyn.grain.key", grain.Key);
            activity.SetTag("tilsyn.grain.method", method.Name);
            activity.SetTag("tilsyn.actor", CallContext.Actor.ToString());
        }

        return activity;
    }
}
