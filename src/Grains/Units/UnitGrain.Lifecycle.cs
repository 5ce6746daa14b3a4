using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Units;

/// <summary>Registration, pushes from other grains, and the reminders that drive the loop.</summary>
public sealed partial class UnitGrain
{
    public async Task<Result<CommandAck>> RegisterAsync(UnitDto unit)
    {
        if (Actors.RequireAdministration("register a unit") is { } denied) return denied;
        var validated = unit.ToDomain();
        if (!validated.IsSuccess) return validated.Problem;
        var u = validated.Value;
        if (u.Id.Value != Key) return Problem.Invalid("id", $"must be the unit grain's key '{Key}'");
        if (Loop is not { } loop) return await StartAsync(u);
        if (SameUnit(State.NextLoopUnit ?? loop.Unit, u)) return Unchanged();
        var outcome = UnitCommands.Update(loop, u, Actors.Current().Ok, Now);
        if (!outcome.IsSuccess) return outcome.Problem;
        return await ApplyAsync("UpdateUnit", outcome.Value, replaceNextLoopUnit: true, SameFlags(loop.Unit, u) ? null : u);
    }

    public Task<Result<CommandAck>> SetThemesAsync(ThemeSetDto themes) => RunOrSkipAsync("SetThemes", s =>
    {
        if (!LoopId.TryParse(themes.Loop, out var loop) || loop != s.Loop || s.Themes?.Version >= themes.Version) return null;
        return (by, now) => FocusAreaCommands.SetThemes(s, LoopInputs.ToDomain(themes), by);
    });

    public Task<Result<CommandAck>> DataPackageReleasedAsync(string period) => RunOrSkipAsync("DataPackageReleased", s =>
    {
        if (!Period.TryParse(period, out var p) || s.FindConversation(p) is null) return null;
        return (by, now) => LoopPermissions.Check(s.Unit, by, UnitPermissions.Administer, "announce a data package") is { } denied
            ? denied
            : LoopReminders.OnDataPackageReleased(s, p, now);
    });

    public async Task<Result<CommandAck>> StartNextLoopAsync()
    {
        if (Loop is not { } loop) return NotRegistered();
        var unit = State.NextLoopUnit ?? loop.Unit;
        var (wheel, themes) = await LoopInputs.ForLoopAsync(GrainFactory, unit, loop.Loop.Next(), DomainDates.DayOf(Now));
        return await RunAsync("StartNextLoop", (s, by, now) => LoopStart.StartNext(s, unit, wheel, themes, by, now));
    }

    /// <summary>
    /// Applies the loop's due agenda items in due order, each at its due time (<see cref="AgendaRun"/>), and commits them
    /// as one change: after an outage of any length the loop ends as on-time wake-ups would have left it.
    /// </summary>
    protected override Task OnDueAsync(DateTimeOffset now) => RetryOnStaleAsync(async () =>
    {
        if (Loop is not { } loop) return false;
        var run = await AgendaRun.RunAsync(loop, Agenda, now, RunDueItemAsync);
        if (run.Steps.IsEmpty) return false;
        foreach (var step in run.Steps) _metrics?.RecordReminderTardiness(loop.Unit.Sector, now - step.Item.DueAt);
        await ApplyAsync(AgendaCommand, new LoopOutcome(run.State, run.Effects), agenda: run.Agenda, detail: Describe(run));
        return true;
    });

    /// <summary>One due item: starting the next loop, or what the loop does when a window, deadline or follow-up falls due.</summary>
    private async Task<LoopOutcome> RunDueItemAsync(UnitLoopState state, DueItem item, DateTimeOffset at)
    {
        if (!ReminderNames.TryParse(item.Name, out var kind, out _) || kind != ReminderKind.NextLoop)
            return LoopReminders.OnReminder(state, item.Name, item.DueAt, at);
        var unit = State.NextLoopUnit ?? state.Unit;
        var (wheel, themes) = await LoopInputs.ForLoopAsync(GrainFactory, unit, state.Loop.Next(), DomainDates.DayOf(item.DueAt));
        var next = LoopStart.OnNextLoopReminder(state, item.Name, unit, wheel, themes, at);
        return next.IsSuccess && next.Value.State.Loop != state.Loop ? next.Value : new LoopOutcome(state, LoopEffects.None);
    }

    /// <summary>The applied items as the audit event's detail, bounded: the first few by name and due time, then how many more.</summary>
    private static string Describe(AgendaRun run)
    {
        const int Shown = 10;
        var shown = string.Join(", ", run.Steps.Take(Shown).Select(s => $"{s.Item.Name}@{s.Item.DueAt:yyyy-MM-dd'T'HH:mm'Z'}"));
        return run.Steps.Length > Shown ? $"{shown} and {run.Steps.Length - Shown} more" : shown;
    }

    private async Task<Result<CommandAck>> StartAsync(Unit unit)
    {
        var today = DomainDates.DayOf(Now);
        var (loop, start) = await LoopInputs.ContainingAsync(GrainFactory, unit, today);
        var (wheel, themes) = await LoopInputs.ForLoopAsync(GrainFactory, unit, loop, start);
        var outcome = LoopStart.Start(unit, loop, wheel, themes, Now);
        return outcome.IsSuccess ? await ApplyAsync("RegisterUnit", outcome.Value) : outcome.Problem;
    }

    /// <summary>Runs the transition <paramref name="plan"/> gives, or acknowledges without a change when it gives none (a repeated push).</summary>
    private Task<Result<CommandAck>> RunOrSkipAsync(string command, Func<UnitLoopState, Func<Domain.Organisation.Actor, DateTimeOffset, Result<LoopOutcome>>?> plan)
    {
        if (Loop is not { } loop) return Task.FromResult<Result<CommandAck>>(NotRegistered());
        var transition = plan(loop);
        return transition is null ? Task.FromResult<Result<CommandAck>>(Unchanged()) : RunAsync(command, (s, by, now) => transition(by, now));
    }

    private static bool SameUnit(Unit a, Unit b) => a with { SubUnits = [] } == b with { SubUnits = [] } && a.SubUnits.SequenceEqual(b.SubUnits);

    private static bool SameFlags(Unit a, Unit b) => a.SelfOwned == b.SelfOwned && a.Special == b.Special;
}
