using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// Hears of changed tasks of a chief's portfolio: on Orleans a grain observer (a gateway's object reference that the
/// chief grain keeps, see <see cref="IInboxObservable"/>); on the old runtime an object the chief's activation calls.
/// Called in the chief's turn and one-way: return quickly, never block.
/// </summary>
public interface IInboxObserver : IGrainObserver
{
    /// <summary>Tasks of <paramref name="unitId"/> that changed (raised, updated, closed), only the chief's own.</summary>
    [OneWay]
    void TasksChanged(string unitId, ImmutableArray<TaskDto> changed);
}
