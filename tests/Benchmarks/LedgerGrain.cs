using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Benchmarks;

/// <summary>A grain whose every command is durable: state and audit event committed together, optionally with a reminder.</summary>
[GrainType("bench-ledger")]
public interface ILedgerGrain : IGrainWithStringKey
{
    Task<long> PostAsync(int amount);

    /// <summary>Posts and (re)schedules the grain's follow-up reminder in the same commit.</summary>
    Task<long> PostWithFollowUpAsync(int amount, DateTimeOffset followUpAt);

    [ReadOnly]
    Task<LedgerState> GetAsync();
}

public sealed record LedgerState
{
    public long Balance { get; init; }
    public int Postings { get; init; }
    public int LastAmount { get; init; }
    public DateTimeOffset? LastPostedAt { get; init; }
    public string Status { get; init; } = "open";
}

public sealed class LedgerGrain : Grain<LedgerState>, ILedgerGrain, IRemindable
{
    public const string FollowUp = "follow-up";

    public async Task<long> PostAsync(int amount)
    {
        await CommitAsync(Next(amount), "post", detail: "amount " + amount);
        return State.Balance;
    }

    public async Task<long> PostWithFollowUpAsync(int amount, DateTimeOffset followUpAt)
    {
        ScheduleReminder(FollowUp, followUpAt);
        await CommitAsync(Next(amount), "post", detail: "amount " + amount);
        return State.Balance;
    }

    public Task<LedgerState> GetAsync() => Task.FromResult(State);

    public Task ReceiveReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;

    private LedgerState Next(int amount) => State with
    {
        Balance = State.Balance + amount,
        Postings = State.Postings + 1,
        LastAmount = amount,
        LastPostedAt = Now,
    };
}
