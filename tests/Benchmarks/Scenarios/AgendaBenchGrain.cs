using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>A committing grain with an agenda: each applied due item is recorded by name in its state.</summary>
[Alias("bench.IAgendaBenchGrain")]
public interface IAgendaBenchGrain : IAgendaGrain
{
    /// <summary>Schedules <paramref name="items"/> items "item-0", "item-1", … due five minutes apart from <paramref name="firstDueAt"/>, in one commit.</summary>
    [Alias("Schedule")]
    Task ScheduleAsync(int items, DateTimeOffset firstDueAt);

    [Alias("Read"), ReadOnly]
    Task<AgendaBenchView> ReadAsync();
}

[GenerateSerializer, Immutable, Alias("bench.AgendaBenchState")]
public sealed record AgendaBenchState
{
    /// <summary>The names of the applied items, in the order they were applied (a name twice would be a double application).</summary>
    [Id(0)] public ImmutableArray<string> Applied { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("bench.AgendaBenchView")]
public sealed record AgendaBenchView([property: Id(0)] ImmutableArray<string> Applied, [property: Id(1)] int Pending);

[GrainType(GrainTypeName)]
public sealed class AgendaBenchGrain(
    [PersistentState("state")] IPersistentState<Committed<AgendaBenchState>> state,
    CommittingGrainServices services)
    : CommittingGrain<AgendaBenchState>(state, services), IAgendaBenchGrain
{
    public const string GrainTypeName = "bench-agenda";

    public static string ItemName(int item) => "item-" + item;

    public Task ScheduleAsync(int items, DateTimeOffset firstDueAt)
    {
        var changes = Enumerable.Range(0, items).Select(i => new AgendaChange.Schedule(ItemName(i), firstDueAt.AddMinutes(5 * i)));
        return CommitAsync(State, new CommitNote("schedule", Detail: items + " items"), Agenda.Apply(changes));
    }

    public Task<AgendaBenchView> ReadAsync() => Task.FromResult(new AgendaBenchView(State.Applied, Agenda.Count));

    protected override async Task OnDueAsync(DateTimeOffset now)
    {
        var due = Agenda.DueBy(now);
        if (due.IsEmpty) return;
        var rest = due.Aggregate(Agenda, (agenda, item) => agenda.Without(item));
        var next = State with { Applied = State.Applied.AddRange(due.Select(item => item.Name)) };
        await CommitAsync(next, new CommitNote("apply-due", Detail: due.Length + " items"), rest);
    }
}
