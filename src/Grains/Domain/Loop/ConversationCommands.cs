using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Documents;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Schedule, hold and write up a læringssamtale; corrections are new attributed versions.</summary>
public static class ConversationCommands
{
    public static Result<LoopOutcome> Schedule(UnitLoopState s, Period period, DateTimeOffset at, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, period, UnitPermissions.ConductConversation, "schedule a samtale", out var c) is { } problem) return problem;
        if (c.IsHeld) return Problem.FailedPrecondition($"The samtale {period} has been held.");
        if (c.Status == ConversationStatus.BeforeTracking) return Problem.FailedPrecondition($"The samtale {period} was before tracking started.");
        var v = new Violations()
            .Require(DomainDates.DayOf(at) >= c.Slot.WindowOpen, "scheduledFor", $"the window opens {c.Slot.WindowOpen}")
            .Require(at >= now, "scheduledFor", "cannot be in the past");
        if (v.Any) return v.ToProblem("The samtale cannot be scheduled then.");
        var change = new LoopChange(s.With(c with { Status = ConversationStatus.Scheduled, ScheduledFor = at, ScheduledBy = by.ToString() }), now);
        var day = DomainDates.DayOf(at);
        change.CloseAll(TaskKind.ScheduleConversation, period.ToString(), by.ToString());
        change.Raise(TaskKind.HoldConversation, period.ToString(), s.HolderRole, day > c.Slot.WindowClose ? day : c.Slot.WindowClose);
        return change.Done();
    }

    public static Result<LoopOutcome> Hold(UnitLoopState s, Period period, DateTimeOffset heldAt, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, period, UnitPermissions.ConductConversation, "hold a samtale", out var c) is { } problem) return problem;
        if (c.IsHeld) return Problem.FailedPrecondition($"The samtale {period} has already been held.");
        if (c.Status != ConversationStatus.Scheduled) return Problem.FailedPrecondition($"The samtale {period} must be scheduled before it is held.");
        var v = new Violations()
            .Require(heldAt <= now, "heldAt", "cannot be in the future")
            .Require(DomainDates.DayOf(heldAt) >= c.Slot.WindowOpen, "heldAt", $"the window opens {c.Slot.WindowOpen}");
        if (v.Any) return v.ToProblem("The samtale cannot be recorded as held then.");
        var change = new LoopChange(s.With(c with { Status = ConversationStatus.Held, HeldAt = heldAt, HeldBy = by.ToString() }), now);
        var key = period.ToString();
        foreach (var kind in new[] { TaskKind.PrepareConversation, TaskKind.ScheduleConversation, TaskKind.HoldConversation })
            change.CloseAll(kind, key, by.ToString());
        var minutesDue = s.Calendar.MinutesDue(DomainDates.DayOf(heldAt));
        change.Raise(TaskKind.WriteMinutes, key, AssigneeRole.Leader, minutesDue);
        if (c.Slot.IsFirst && s.FocusAreaHistory.IsEmpty) change.Raise(TaskKind.ChooseFocusAreas, s.Loop.ToString(), AssigneeRole.Leader, minutesDue);
        return change.Done();
    }

    /// <summary>Submits the minutes of a held samtale (version 1). Every rule violation is returned at once.</summary>
    public static Result<LoopOutcome> SubmitRecord(UnitLoopState s, Period period, ConversationRecordDraft draft, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, period, UnitPermissions.ConductConversation, "write the minutes", out var c) is { } problem) return problem;
        if (!c.IsHeld) return Problem.FailedPrecondition($"The samtale {period} has not been held; only a held samtale can have minutes.");
        if (c.HasRecord) return Problem.AlreadyExists($"The minutes of {period} are submitted; submit a correction instead.");
        return Write(s, c, draft, by, reason: null, now);
    }

    /// <summary>Corrects submitted minutes: a new version with who, when and why; earlier versions stay.</summary>
    /// <param name="expectedVersion">When set, the correction applies only on top of this version (a Conflict otherwise).</param>
    public static Result<LoopOutcome> CorrectRecord(
        UnitLoopState s, Period period, ConversationRecordDraft draft, string reason, Actor by, DateTimeOffset now, int? expectedVersion = null)
    {
        if (Find(s, by, period, UnitPermissions.ConductConversation, "correct the minutes", out var c) is { } problem) return problem;
        if (!c.HasRecord) return Problem.FailedPrecondition($"The samtale {period} has no minutes to correct.");
        if (expectedVersion is { } expected && expected != c.RecordVersions)
            return Problem.Conflict($"The minutes of {period} are at version {c.RecordVersions}, not {expected}: someone corrected them first. Read them again.");
        if (string.IsNullOrWhiteSpace(reason)) return Problem.Invalid("reason", "a correction needs a reason");
        if (reason.Length > TextLimits.Note) return Problem.Invalid("reason", $"must be at most {TextLimits.Note} characters");
        if (c.RecordVersions >= CollectionLimits.MinutesVersions)
            return Problem.FailedPrecondition($"The minutes of {period} have {c.RecordVersions} versions, the most they may have; they cannot be corrected again.");
        return Write(s, c, draft, by, reason.Trim(), now);
    }

    /// <summary>The board's written statement for a samtale; it counts as data (kind D) until the minutes are written.</summary>
    public static Result<LoopOutcome> AddBoardStatement(UnitLoopState s, Period period, string text, Actor by, DateTimeOffset now)
    {
        if (Find(s, by, period, UnitPermissions.AddBoardStatement, "add the board's statement", out var c) is { } problem) return problem;
        if (c.HasRecord) return Problem.FailedPrecondition($"The minutes of {period} are written; the statement came too late.");
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextLimits.Statement) return Problem.Invalid("text", $"the statement needs 1-{TextLimits.Statement} characters");
        if (c.BoardStatements >= CollectionLimits.BoardStatementsPerConversation)
            return Problem.FailedPrecondition($"The samtale {period} has {c.BoardStatements} board statements, the most it may have.");
        var change = new LoopChange(s.With(c with { BoardStatements = c.BoardStatements + 1 }), now);
        change.Write(new LoopDocument(DocumentKind.BoardStatement, period.ToString(), c.BoardStatements + 1, new BoardStatementText(text.Trim()), by.ToString(), now));
        return change.Done();
    }

    private static Result<LoopOutcome> Write(UnitLoopState s, Conversation c, ConversationRecordDraft draft, Actor by, string? reason, DateTimeOffset now)
    {
        var violations = ConversationRecordValidator.Validate(draft, RecordContexts.For(s, c));
        if (violations.Count > 0) return Problem.Invalid($"The minutes of {c.Period} are not complete.", violations);
        var version = c.RecordVersions + 1;
        var ledger = s.Agreements.Sync(new AgreementSource(AgreementSourceKind.Conversation, c.Period.ToString()), draft.Agreements, by.ToString(), now);
        if (ledger.BeyondOpenCap(s.Agreements) is { } full) return full;
        var recorded = c with
        {
            RecordVersions = version,
            RecordedAt = c.RecordedAt ?? now,
            RecordedRoles = [.. draft.Participants.Select(p => p.Role).Where(s.Settings.CountsAcrossConversations).Distinct().Order()],
        };
        var change = new LoopChange(s.With(recorded) with { Agreements = ledger }, now);
        change.Write(new LoopDocument(DocumentKind.Minutes, c.Period.ToString(), version, draft, by.ToString(), now, reason));
        change.CloseAll(TaskKind.WriteMinutes, c.Period.ToString(), by.ToString());
        return change.Done();
    }

    private static Problem? Find(UnitLoopState s, Actor by, Period period, Party parties, string action, out Conversation c)
    {
        c = s.FindConversation(period)!;
        if (LoopPermissions.Check(s.Unit, by, parties, action) is { } denied) return denied;
        return c is null ? Problem.NotFound($"Loop {s.Loop} has no samtale in {period}.") : null;
    }
}
