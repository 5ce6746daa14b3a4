using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Chiefs;

/// <summary>What a chief grain stores: only the portfolio (tasks stay with their units).</summary>
[StoredAsJson]
public sealed record ChiefState
{
    public ImmutableArray<UnitId> Units { get; init; } = [];
}

/// <summary>
/// A chief's portfolio and inbox. The inbox is never stored: every read asks the portfolio's units for
/// their tasks in parallel. Units report task changes after their commits; the chief's watchers (<see cref="InboxObservers"/>,
/// grain observers with expiring subscriptions) hear them at once.
/// </summary>
[GrainType("chief")]
public sealed class ChiefGrain(
    [PersistentState("state")] IPersistentState<Committed<ChiefState>> state,
    CommittingGrainServices services,
    IOptions<InboxObserverOptions> observerOptions,
    TimeProvider realTime,
    ILogger<ChiefGrain> logger)
    : CommittingGrain<ChiefState>(state, services), IChiefGrain
{
    private InboxObservers? _observers;

    // Watchers renew on real time (the gateway's InboxSubscription), so their expiry is real time, not the domain clock.
    private InboxObservers Observers => _observers ??= new InboxObservers(
        Key, observerOptions.Value, realTime, logger);

    private ChiefPortfolio Portfolio => new(ChiefId.Parse(Key), State.Units);

    public Task<Result<ChiefDto>> AssignUnitsAsync(ImmutableArray<string> unitIds) =>
        ChangeAsync("AssignUnits", p =>
        {
            var v = new Domain.Violations();
            foreach (var (id, i) in unitIds.OrEmpty().Select((id, i) => (id, i)))
            {
                if (!UnitId.TryParse(id, out var unit)) v.Add($"unitIds[{i}]", IdRules.Description);
                else if (!p.Contains(unit)) p = p.Assign(unit).Ok;
            }

            return v.ToResult("The unit ids are not valid.", () => p);
        });

    public Task<Result<ChiefDto>> ReleaseUnitAsync(string unitId) =>
        ChangeAsync("ReleaseUnit", p => UnitId.TryParse(unitId, out var unit) ? p.Release(unit) : Problem.Invalid("unitId", IdRules.Description));

    public Task<Result<ChiefDto>> GetPortfolioAsync() =>
        Task.FromResult(MayRead() is { } denied ? denied : Result.Success(ToDto(State.Units)));

    public async Task<Result<InboxDto>> GetInboxAsync(InboxQuery query)
    {
        if (MayRead() is { } denied) return denied;
        var taskQuery = new TaskQuery(query.OnlyMine ? AssigneeRole.Chief : null, query.IncludeDone);
        var asked = await FanOut.RunAsync(State.Units, u => GrainFactory.GetGrain<IUnitGrain>(u.Value).GetTasksAsync(taskQuery), State.Units.Length);
        var tasks = asked.Where(a => a.Value is { IsSuccess: true }).SelectMany(a => a.Value!.Ok).Where(t => t.Chief == Key);
        var notReached = asked.Where(a => a.Error is not null || a.Value is { IsSuccess: false, Problem.Kind: not ProblemKind.PermissionDenied })
            .Select(a => a.Key.Value);
        return new InboxDto(Key, Now, [.. tasks.InInboxOrder()], [.. notReached]);
    }

    public Task TasksChangedAsync(string unitId, ImmutableArray<TaskDto> tasks)
    {
        var mine = tasks.OrEmpty().Where(t => t.Chief == Key).ToImmutableArray();
        if (mine.IsEmpty || _observers is null) return Task.CompletedTask;
        _observers.Notify(unitId, mine);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes or renews a watcher of the inbox (those who may read it); false for a new subscription.</summary>
    public Task<bool> SubscribeAsync(IInboxObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (MayRead() is { } denied) throw new ProblemException(denied);
        return Task.FromResult(Observers.Subscribe(observer));
    }

    public Task UnsubscribeAsync(IInboxObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers?.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task<Result<ChiefDto>> ChangeAsync(string command, Func<ChiefPortfolio, Result<ChiefPortfolio>> change)
    {
        if (Actors.RequireAdministration("change a portfolio") is { } denied) return denied;
        var next = change(Portfolio);
        if (!next.IsSuccess) return next.Problem;
        if (!next.Value.Units.SequenceEqual(State.Units)) await CommitAsync(State with { Units = next.Value.Units }, command);
        return ToDto(State.Units);
    }

    /// <summary>The chief's own inbox, or the administration's and the service's view of it.</summary>
    private Problem? MayRead()
    {
        var actor = Actors.Current();
        if (!actor.IsSuccess) return actor.Problem;
        return actor.Value.Role switch
        {
            ActorRole.Administration or ActorRole.System => null,
            ActorRole.Chief when actor.Value.Id == Key => null,
            _ => Problem.PermissionDenied($"{actor.Value} may not read the inbox of chief {Key}."),
        };
    }

    private ChiefDto ToDto(ImmutableArray<UnitId> units) => new(Key, [.. units.Select(u => u.Value)]);
}
