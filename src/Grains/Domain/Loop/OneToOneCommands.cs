using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>1:1 ledelsesopfølgninger between chief and leader: schedule, hold, record.</summary>
public static class OneToOneCommands
{
    private const Party Parties = UnitPermissions.ManageOneToOnes;

    public static Result<LoopOutcome> Schedule(UnitLoopState s, string key, DateTimeOffset at, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, key, "schedule a 1:1", out var o) is { } problem) return problem;
        if (o.Status is not (OneToOneStatus.Planned or OneToOneStatus.Scheduled)) return Problem.FailedPrecondition($"The 1:1 {key} is {o.Status}.");
        if (at < now) return Problem.Invalid("scheduledFor", "cannot be in the past");
        return new LoopOutcome(s.With(o with { Status = OneToOneStatus.Scheduled, ScheduledFor = at }), LoopEffects.None);
    }

    public static Result<LoopOutcome> Hold(UnitLoopState s, string key, DateTimeOffset heldAt, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, key, "hold a 1:1", out var o) is { } problem) return problem;
        if (o.IsHeld) return Problem.FailedPrecondition($"The 1:1 {key} has already been held.");
        if (o.Status == OneToOneStatus.BeforeTracking) return Problem.FailedPrecondition($"The 1:1 {key} was due before tracking started.");
        if (heldAt > now) return Problem.Invalid("heldAt", "cannot be in the future");
        var change = new LoopChange(s.With(o with { Status = OneToOneStatus.Held, HeldAt = heldAt, HeldBy = by.ToString() }), now);
        change.CloseAll(TaskKind.HoldOneToOne, key, by.ToString());
        return change.Done();
    }

    /// <summary>Records a held 1:1; its agreements enter the ledger and carry forward until closed.</summary>
    public static Result<LoopOutcome> Record(UnitLoopState s, string key, OneToOneRecordDraft draft, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, key, "record a 1:1", out var o) is { } problem) return problem;
        if (!o.IsHeld) return Problem.FailedPrecondition($"The 1:1 {key} has not been held.");
        if (o.IsRecorded) return Problem.AlreadyExists($"The 1:1 {key} is already recorded.");
        var violations = draft.Validate(DomainDates.DayOf(o.HeldAt!.Value));
        if (violations.Count > 0) return Problem.Invalid($"The record of 1:1 {key} is not complete.", violations);
        var agreements = draft.Agreements.IsDefault ? [] : draft.Agreements;
        var ledger = s.Agreements.Sync(new AgreementSource(AgreementSourceKind.OneToOne, key), agreements, by.ToString(), now);
        if (ledger.BeyondOpenCap(s.Agreements) is { } full) return full;
        var change = new LoopChange(s.With(o with { RecordedBy = by.ToString(), RecordedAt = now }) with { Agreements = ledger }, now);
        change.Write(new LoopDocument(DocumentKind.OneToOneRecord, key, 1, draft, by.ToString(), now));
        return change.Done();
    }

    /// <summary>Holds the 1:1 and records it in one transition (what a chief does when the notes are ready at the meeting).</summary>
    public static Result<LoopOutcome> HoldAndRecord(UnitLoopState s, string key, DateTimeOffset heldAt, OneToOneRecordDraft draft, Actor by, DateTimeOffset now)
    {
        var held = Hold(s, key, heldAt, by, now);
        if (!held.IsSuccess) return held;
        return Record(held.Value.State, key, draft, by, now).Map(recorded => recorded with { Effects = held.Value.Effects.Then(recorded.Effects) });
    }

    /// <summary>The agenda of a 1:1: the common agenda, the unit's place in the data wheel, every open agreement.</summary>
    public static Result<OneToOneAgenda> Agenda(UnitLoopState s, string key, DateTimeOffset now)
    {
        var o = s.FindOneToOne(key);
        if (o is null) return Problem.NotFound($"Loop {s.Loop} has no 1:1 {key}.");
        var today = DomainDates.DayOf(now);
        var released = s.Calendar.Conversations.Where(c => c.DataRelease <= today).Select(c => (Period?)c.Period).LastOrDefault();
        var next = s.Conversations.FirstOrDefault(c => !c.IsHeld && c.Slot.WindowClose >= today)?.Slot;
        var wheel = new DataWheelPosition(released, next?.Period, next?.WindowOpen, next?.WindowClose);
        return new OneToOneAgenda(key, o.Slot.Due, OneToOneAgenda.Common, wheel, [.. s.Agreements.Open]);
    }

    private static Problem? Find(UnitLoopState s, Actor by, string key, string action, out OneToOne o)
    {
        o = s.FindOneToOne(key)!;
        if (LoopPermissions.Check(s.Unit, by, Parties, action) is { } denied) return denied;
        return o is null ? Problem.NotFound($"Loop {s.Loop} has no 1:1 {key}.") : null;
    }
}
