using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Calls;

namespace OrleansTilsyn.Grains.Common;

/// <summary>
/// The requests a grain has applied, kept in its committed state with the change each one made: a repeat
/// of a <see cref="RequestKey"/> gets the first answer instead of a second change, on any silo and after
/// any restart. Bounded: at most <see cref="MaxEntries"/> (the oldest go first) and each kept for
/// <see cref="Retention"/> after it was sent (on the gateway's clock, <see cref="RequestKey.SentAt"/>).
/// A key is kept per command, so one request that runs two commands on a grain keeps both answers.
/// </summary>
public sealed record RequestLedger<TAnswer>(ImmutableArray<RequestLedger<TAnswer>.Entry> Entries)
{
    public const int MaxEntries = 64;

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static RequestLedger<TAnswer> Empty { get; } = new([]);

    /// <summary>
    /// The first answer to <paramref name="request"/> for <paramref name="command"/>; INVALID_ARGUMENT when the key
    /// was used for a different request; null when the request is new (or there is no key).
    /// </summary>
    public Result<TAnswer>? Replay(RequestKey? request, string command)
    {
        if (request is null || Entries.IsDefaultOrEmpty) return null;
        foreach (var entry in Entries)
        {
            if (entry.Key != request.Key || entry.Command != command || entry.Expires <= request.SentAt) continue;
            return entry.Fingerprint == request.Fingerprint
                ? entry.Answer
                : Problem.Invalid("request_id", "was used before for a different request; use a new request_id for a new request");
        }

        return null;
    }

    /// <summary>This ledger with <paramref name="request"/>'s answer added (expired and the oldest entries dropped); unchanged without a key.</summary>
    public RequestLedger<TAnswer> Record(RequestKey? request, string command, TAnswer answer)
    {
        if (request is null) return this;
        var kept = (Entries.IsDefault ? [] : Entries).Where(e => e.Expires > request.SentAt && !(e.Key == request.Key && e.Command == command));
        var entries = kept.Append(new Entry(request.Key, command, request.Fingerprint, request.SentAt + Retention, answer)).ToImmutableArray();
        return new RequestLedger<TAnswer>(entries.Length > MaxEntries ? entries[^MaxEntries..] : entries);
    }

    /// <summary>One applied request: its key and command, the request's fingerprint, until when it is kept, and the answer given.</summary>
    public sealed record Entry(string Key, string Command, string Fingerprint, DateTimeOffset Expires, TAnswer Answer);
}

/// <summary>A grain's ledger as its state holds it: none until the first change with a key.</summary>
public static class RequestLedgerExtensions
{
    /// <summary>The first answer to <paramref name="request"/>, as <see cref="RequestLedger{TAnswer}.Replay"/>; null without a ledger.</summary>
    public static Result<TAnswer>? FirstAnswerTo<TAnswer>(this RequestLedger<TAnswer>? ledger, RequestKey? request, string command) =>
        (ledger ?? RequestLedger<TAnswer>.Empty).Replay(request, command);

    /// <summary>The ledger to commit with a change: <paramref name="request"/>'s answer added; still none while there is neither a ledger nor a key.</summary>
    public static RequestLedger<TAnswer>? Recording<TAnswer>(this RequestLedger<TAnswer>? ledger, RequestKey? request, string command, TAnswer answer) =>
        ledger is null && request is null ? null : (ledger ?? RequestLedger<TAnswer>.Empty).Record(request, command, answer);
}
