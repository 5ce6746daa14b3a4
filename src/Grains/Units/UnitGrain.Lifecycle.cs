using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Runtime;
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

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        if (Loop is not { } loop) return;
        _metrics?.RecordReminderTardiness(loop.Unit.Sector, status.CurrentTime - status.DueAt);
        if (ReminderNames.TryParse(reminderName, out var kind, out _) && kind == ReminderKind.NextLoop)
        {
            var unit = State.NextLoopUnit ?? loop.Unit;
            var (wheel, themes) = await LoopInputs.ForLoopAsync(GrainFactory, unit, loop.Loop.Next(), DomainDates.DayOf(status.DueAt));
            var next = LoopStart.OnNextLoopReminder(loop, reminderName, unit, wheel, themes, Now);
            if (next.IsSuccess && next.Value.State.Loop != loop.Loop) await ApplyAsync(reminderName, next.Value);
            return;
        }

        var outcome = LoopReminders.OnReminder(loop, reminderName, status.DueAt, Now);
        if (!outcome.Effects.IsEmpty) await ApplyAsync(reminderName, outcome);
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
