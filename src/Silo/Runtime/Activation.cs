using Microsoft.Extensions.Logging;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Telemetry;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// The single activation of one grain on one silo: it owns the grain instance, runs its turns
/// through a <see cref="Mailbox"/>, loads state before the first call, reloads after a stale write
/// or a moved version, and deactivates when asked or idle.
/// </summary>
internal sealed class Activation
{
    private readonly GrainRuntime _runtime;
    private readonly Mailbox _mailbox;
    private volatile GrainInstance? _instance;
    private volatile bool _reloadRequested;
    private volatile bool _deactivateRequested;
    private bool _counted;
    private long _lastUsed;

    public Activation(GrainRuntime runtime, GrainId id, GrainClass grainClass)
    {
        _runtime = runtime;
        Id = id;
        Class = grainClass;
        _mailbox = new Mailbox(this);
        Touch();
    }

    public GrainId Id { get; }
    public GrainClass Class { get; }

    /// <summary>The instance a read-only call may run on beside the turn, or null when it must queue.</summary>
    public GrainInstance? ReadyInstance => _reloadRequested ? null : _instance;

    public bool TryPost(ITurn turn) => _mailbox.TryPost(turn);

    public void Touch() => Volatile.Write(ref _lastUsed, _runtime.InfrastructureTime.GetTimestamp());

    public bool IsIdleFor(TimeSpan idle) => _runtime.InfrastructureTime.GetElapsedTime(Volatile.Read(ref _lastUsed)) >= idle;

    public bool IsQuiet => _mailbox.IsIdle;

    public void RequestDeactivation() => _deactivateRequested = true;

    internal async Task RunTurnAsync(ITurn turn)
    {
        if (turn.IsAbandoned)
        {
            turn.Fail(new OperationCanceledException(turn.Token));
            return;
        }

        try
        {
            if (turn.NeedsGrain) await PrepareAsync(turn.Token);
            await turn.ExecuteAsync(this);
        }
        catch (Exception error)
        {
            turn.Fail(error);
        }
        finally
        {
            CompleteTurn();
        }

        if (_deactivateRequested) await DeactivateAsync(null);
    }

    /// <summary>Runs a call on the grain; a stale write drops the instance, reloads and retries once.</summary>
    internal async ValueTask<T> InvokeAsync<T>(GrainMethod<T> method, object?[] args, CancellationToken token)
    {
        try
        {
            return await method.InvokeOn(_instance!.Grain, args, token);
        }
        catch (StaleStateException stale) when (stale.Grain == Id)
        {
            _runtime.Logger.LogDebug("Stale write to {Grain}; reloading and retrying {Method} once.", Id, method.Name);
            SiloTelemetry.StaleWrite(Id.Type, retried: true);
            await LoadAsync(token);
        }

        try
        {
            return await method.InvokeOn(_instance!.Grain, args, token);
        }
        catch (StaleStateException stale) when (stale.Grain == Id)
        {
            _reloadRequested = true;
            SiloTelemetry.StaleWrite(Id.Type, retried: false);
            throw new ConcurrencyConflictException(Id, stale.ExpectedVersion);
        }
    }

    /// <summary>Calls OnDeactivateAsync (unless dropped), leaves the catalog and hands queued turns to a new activation.</summary>
    internal async Task<bool> DeactivateAsync(TimeSpan? onlyIfIdleFor)
    {
        if (onlyIfIdleFor is { } idle && !IsIdleFor(idle)) return false;
        _deactivateRequested = false;
        var instance = _instance;
        _instance = null;
        if (instance is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_runtime.Options.CallTimeout, _runtime.InfrastructureTime);
                await instance.Grain.OnDeactivateAsync(timeout.Token);
            }
            catch (Exception error)
            {
                _runtime.Logger.LogWarning(error, "OnDeactivateAsync of {Grain} failed.", Id);
            }
        }

        _runtime.Catalog.Remove(this);
        Uncount();
        foreach (var turn in _mailbox.Close())
        {
            if (turn.NeedsGrain) _runtime.Catalog.Dispatch(Id, Class, turn);
            else turn.Fail(new ObjectDisposedException(Id.ToString()));
        }

        return true;
    }

    /// <summary>Drops the activation without deactivating it (a killed silo): queued calls fail.</summary>
    internal void Abandon(Exception reason)
    {
        _instance = null;
        Uncount();
        foreach (var turn in _mailbox.Close()) turn.Fail(reason);
    }

    private async Task PrepareAsync(CancellationToken token)
    {
        var instance = _instance;
        if (instance is null || _reloadRequested)
        {
            await LoadAsync(token);
            return;
        }

        if (_runtime.Options.RevalidateReads && instance.State is { } state
            && await _runtime.Store.ReadVersionAsync(Id, token) != state.Version)
            await LoadAsync(token);
    }

    /// <summary>A fresh grain instance: constructed, attached, state loaded, OnActivateAsync run.</summary>
    private async Task LoadAsync(CancellationToken token)
    {
        _instance = null;
        _reloadRequested = false;
        var grain = Class.CreateGrain(_runtime.Services);
        var state = Class.CreateState(Id, _runtime.StateStorage);
        grain.Attach(new GrainContext(this, _runtime, state));
        if (state is not null) await state.LoadAsync(token);
        await grain.OnActivateAsync(token);
        _instance = new GrainInstance(grain, state);
        if (!_counted)
        {
            _counted = true;
            SiloTelemetry.ActivationChanged(Class.TypeName, +1);
        }
    }

    private void CompleteTurn()
    {
        try
        {
            _instance?.Grain.OnTurnCompleted();
        }
        catch (Exception error)
        {
            _runtime.Logger.LogWarning(error, "OnTurnCompleted of {Grain} failed.", Id);
        }
    }

    private void Uncount()
    {
        if (!_counted) return;
        _counted = false;
        SiloTelemetry.ActivationChanged(Class.TypeName, -1);
    }
}
