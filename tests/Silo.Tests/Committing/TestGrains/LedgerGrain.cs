using System.Collections.Immutable;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;

namespace OrleansTilsyn.Silo.Tests.Committing.TestGrains;

/// <summary>A ledger of entries with an agenda: each due item, when applied, appends "name@applied-at" to the ledger.</summary>
public interface ILedgerGrain : IAgendaGrain
{
    Task<LedgerView> AppendAsync(string entry);

    Task<LedgerView> ScheduleAsync(string name, DateTimeOffset dueAt);

    Task<LedgerView> CancelAsync(string name);

    Task<LedgerView> ReadAsync();

    Task<SiloAddress> SiloAsync();

    Task DeactivateAsync();
}

[GenerateSerializer, Alias("CommittingTests.LedgerState")]
public sealed class LedgerState
{
    [Id(0)]
    public ImmutableArray<string> Entries { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("CommittingTests.LedgerView")]
public sealed record LedgerView(
    [property: Id(0)] ImmutableArray<string> Entries,
    [property: Id(1)] long Version,
    [property: Id(2)] bool Exists,
    [property: Id(3)] Agenda Agenda);

public sealed class LedgerGrain(
    [PersistentState("state")] IPersistentState<Committed<LedgerState>> state,
    CommittingGrainServices services,
    LedgerProbe probe)
    : CommittingGrain<LedgerState>(state, services), ILedgerGrain
{
    public Task<LedgerView> AppendAsync(string entry) => RetryOnStaleAsync(async () =>
    {
        await CommitAsync(new LedgerState { Entries = State.Entries.Add(entry) }, new CommitNote("append", Detail: entry));
        return View();
    });

    public Task<LedgerView> ScheduleAsync(string name, DateTimeOffset dueAt) => RetryOnStaleAsync(async () =>
    {
        await CommitAsync(State, new CommitNote("schedule", Detail: name), Agenda.Apply([new AgendaChange.Schedule(name, dueAt)]));
        return View();
    });

    public Task<LedgerView> CancelAsync(string name) => RetryOnStaleAsync(async () =>
    {
        await CommitAsync(State, new CommitNote("cancel", Detail: name), Agenda.Apply([new AgendaChange.Cancel(name)]));
        return View();
    });

    public Task<LedgerView> ReadAsync() => Task.FromResult(View());

    public Task<SiloAddress> SiloAsync() => Task.FromResult(GrainContext.Address.SiloAddress!);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    protected override Task OnStateLoadedAsync()
    {
        probe.Loaded(Key);
        return Task.CompletedTask;
    }

    /// <summary>Delivers the committed version (a stand-in for documents and notifications derived from the state).</summary>
    protected override Task DeliverOutboxAsync()
    {
        if (StateExists) probe.Deliver(Key, StateVersion);
        return Task.CompletedTask;
    }

    /// <summary>Applies every due item but those named "stuck…", which it never gets past (a handler that makes no progress).</summary>
    protected override async Task OnDueAsync(DateTimeOffset now)
    {
        var due = Agenda.DueBy(now).RemoveAll(item => item.Name.StartsWith("stuck", StringComparison.Ordinal));
        if (due.IsEmpty) return;
        var entries = State.Entries.AddRange(due.Select(item => $"{item.Name}@{now:O}"));
        var rest = due.Aggregate(Agenda, (agenda, item) => agenda.Without(item));
        await CommitAsync(new LedgerState { Entries = entries }, new CommitNote("apply-due", Detail: string.Join(",", due.Select(i => i.Name))), rest);
    }

    private LedgerView View() => new(State.Entries, StateVersion, StateExists, Agenda);
}
