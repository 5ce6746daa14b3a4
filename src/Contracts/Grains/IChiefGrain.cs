using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// A Børn og Unge-chef (key = chief id): the portfolio (durable) and the inbox, computed from the
/// portfolio's unit grains on every read. Units notify the chief after each change of tasks (best
/// effort, in memory) and the chief passes it on to its observers (<see cref="IInboxObservable"/>: grain
/// observers that renew their subscription; Orleans keeps one activation per chief, so every change reaches it).
/// </summary>
[Alias("tilsyn.IChiefGrain")]
public interface IChiefGrain : IGrainWithStringKey, IInboxObservable
{
    /// <summary>Adds units to the portfolio (administration; the organisation grain calls this). Units already there are kept.</summary>
    Task<Result<ChiefDto>> AssignUnitsAsync(ImmutableArray<string> unitIds);

    Task<Result<ChiefDto>> ReleaseUnitAsync(string unitId);

    [AlwaysInterleave]
    Task<Result<ChiefDto>> GetPortfolioAsync();

    /// <summary>The chief (or administration) reads the inbox: the tasks of every unit of the portfolio, asked in parallel.</summary>
    [AlwaysInterleave]
    Task<Result<InboxDto>> GetInboxAsync(InboxQuery query);

    /// <summary>A unit of the portfolio changed tasks (raised, overdue, closed); observers hear of it at once. Durable state is untouched.</summary>
    [AlwaysInterleave]
    Task TasksChangedAsync(string unitId, ImmutableArray<TaskDto> tasks);
}
