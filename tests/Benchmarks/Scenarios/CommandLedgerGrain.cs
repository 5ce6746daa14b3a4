using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using OrleansTilsyn.Grains.Common;

namespace OrleansTilsyn.Benchmarks.Scenarios;

/// <summary>A ledger grain whose every command is one commit of state with its audit event.</summary>
[Alias("bench.ICommandLedgerGrain")]
public interface ICommandLedgerGrain : IGrainWithStringKey
{
    [Alias("Post")]
    Task<long> PostAsync(int amount);

    [Alias("Get"), ReadOnly]
    Task<CommandLedgerState> GetAsync();
}

/// <summary>
/// The same fields as the previous release's benchmark ledger (old runtime), so both store a state of about the same size
/// and their numbers can be set side by side.
/// </summary>
[GenerateSerializer, Immutable, Alias("bench.CommandLedgerState")]
public sealed record CommandLedgerState
{
    [Id(0)] public long Balance { get; init; }
    [Id(1)] public int Postings { get; init; }
    [Id(2)] public int LastAmount { get; init; }
    [Id(3)] public DateTimeOffset? LastPostedAt { get; init; }
    [Id(4)] public string Status { get; init; } = "open";
}

[GrainType(GrainTypeName)]
public sealed class CommandLedgerGrain(
    [PersistentState("state")] IPersistentState<Committed<CommandLedgerState>> state,
    CommittingGrainServices services)
    : CommittingGrain<CommandLedgerState>(state, services), ICommandLedgerGrain
{
    public const string GrainTypeName = "bench-command-ledger";

    /// <summary>The grain as the audit log names it.</summary>
    public static string AuditGrain(string key) => $"{GrainTypeName}/{key}";

    public async Task<long> PostAsync(int amount)
    {
        var next = State with { Balance = State.Balance + amount, Postings = State.Postings + 1, LastAmount = amount, LastPostedAt = Now };
        await CommitAsync(next, new CommitNote("post", Detail: "amount " + amount));
        return State.Balance;
    }

    public Task<CommandLedgerState> GetAsync() => Task.FromResult(State);
}
