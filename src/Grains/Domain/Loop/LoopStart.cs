using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Starting a unit's loop, and rolling over to the next one at the next political treatment.</summary>
public static class LoopStart
{
    /// <summary>
    /// Starts tracking a unit in <paramref name="loop"/> with the wheel version resolved for it.
    /// Occurrences already over when tracking starts are marked BeforeTracking and raise nothing.
    /// </summary>
    public static Result<LoopOutcome> Start(Unit unit, LoopId loop, WheelVersion wheel, ThemeSet? themes, DateTimeOffset now) =>
        Begin(unit, loop, wheel, themes, now, AgreementLedger.Empty, TaskBook.Empty, []);

    /// <summary>Handles a "next-loop:…" reminder: starts that loop unless the unit is already in it (redelivery).</summary>
    public static Result<LoopOutcome> OnNextLoopReminder(UnitLoopState s, string reminderName, Unit unit, WheelVersion wheel, ThemeSet? themes, DateTimeOffset now)
    {
        if (!ReminderNames.TryParse(reminderName, out var kind, out var arg) || kind != ReminderKind.NextLoop || !LoopId.TryParse(arg, out var target))
            return Problem.Invalid("reminderName", $"'{reminderName}' is not a next-loop reminder");
        if (s.Loop.CompareTo(target) >= 0) return new LoopOutcome(s, LoopEffects.None);
        return StartNext(s, unit, wheel, themes, Actor.System, now);
    }

    /// <summary>
    /// Closes the current loop and starts the next: open agreements (and those closed during the ending
    /// loop) and open tasks carry over, the
    /// old loop's occurrence reminders are cancelled. Allowed once the last samtale window has closed.
    /// </summary>
    public static Result<LoopOutcome> StartNext(UnitLoopState s, Unit unit, WheelVersion wheel, ThemeSet? themes, Actor by, DateTimeOffset now)
    {
        if (LoopPermissions.Check(s.Unit, by, UnitPermissions.Administer, "start the next loop") is { } denied) return denied;
        if (now < DomainDates.StartOf(s.Calendar.LoopEnd))
            return Problem.FailedPrecondition($"Loop {s.Loop} runs until {s.Calendar.LoopEnd}; the next loop cannot start before.");
        if (unit.Id != s.Unit.Id) return Problem.Invalid("unit", "must be the same unit");
        var summary = new LoopSummary(s.Loop, s.WheelVersion, s.Conversations.Count(c => c.IsHeld), s.Conversations.Length,
            s.OneToOnes.Count(o => o.IsHeld), s.FocusAreas, s.Opsamling);
        var openTasks = new TaskBook([.. s.Tasks.Open]);
        var ledger = s.Agreements.CarriedForward(DomainDates.StartOf(s.Calendar.Treatment));
        var next = Begin(unit, s.Loop.Next(), wheel, themes, now, ledger, openTasks, s.PastLoops.Add(summary));
        if (!next.IsSuccess) return next;
        var cancels = LoopReminderPlan.For(s).Select(r => (AgendaChange)new AgendaChange.Cancel(r.Name));
        var effects = next.Ok.Effects with { Reminders = [.. cancels, .. next.Ok.Effects.Reminders] };
        return next.Ok with { Effects = effects };
    }

    private static Result<LoopOutcome> Begin(Unit unit, LoopId loop, WheelVersion wheel, ThemeSet? themes, DateTimeOffset now,
        AgreementLedger agreements, TaskBook tasks, ImmutableArray<LoopSummary> past)
    {
        var v = new Violations();
        v.Require(loop.Area == unit.AgeArea, "loop", $"a {unit.Sector} unit belongs to the {unit.AgeArea.Label()} area");
        v.Require(themes is null || themes.Loop == loop, "themes", $"the themes must be those of loop {loop}");
        v.AddRange(WheelSettingsRules.Validate(wheel.Settings));
        if (v.Any) return v.ToProblem("The loop cannot start.");
        var calendar = LoopCalendarBuilder.Build(loop, wheel.Settings, unit.SelfOwned);
        var today = DomainDates.DayOf(now);
        var state = new UnitLoopState(unit, loop, wheel.Version, wheel.Settings, calendar)
        {
            TrackedFrom = now,
            Themes = themes,
            Agreements = agreements,
            Tasks = tasks,
            PastLoops = past,
            Conversations = [.. calendar.Conversations.Select(c => new Conversation(c, c.WindowClose < today ? ConversationStatus.BeforeTracking : ConversationStatus.Planned))],
            OneToOnes = [.. calendar.OneToOnes.Select(o => new OneToOne(o, o.Due < today ? OneToOneStatus.BeforeTracking : OneToOneStatus.Planned))],
            BoardReports = [.. calendar.BoardReports.Select(b => new BoardReport(b, b.Due < today ? BoardReportStatus.BeforeTracking : BoardReportStatus.Pending))],
        };
        var change = new LoopChange(state, now);
        foreach (var (name, due) in LoopReminderPlan.For(state)) change.Schedule(name, due);
        return change.Done();
    }
}
