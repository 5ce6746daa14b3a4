using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Tasks;
using OrleansTilsyn.Grains.Domain.Limits;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Political themes reach the unit; at the first samtale it chooses local focus areas within them.</summary>
public static class FocusAreaCommands
{
    /// <summary>The area's themes for this loop (pushed by the area grain; a new version replaces the old).</summary>
    public static Result<LoopOutcome> SetThemes(UnitLoopState s, ThemeSet themes, Actor by)
    {
        if (LoopPermissions.Check(s.Unit, by, UnitPermissions.Administer, "set the political themes") is { } denied) return denied;
        if (themes.Loop != s.Loop) return Problem.Invalid("themes", $"the themes are for loop {themes.Loop}, the unit is in {s.Loop}");
        return new LoopOutcome(s with { Themes = themes }, LoopEffects.None);
    }

    /// <summary>Records the focus areas chosen at the first samtale; each must lie within a political theme.</summary>
    public static Result<LoopOutcome> Choose(UnitLoopState s, IReadOnlyList<FocusArea> areas, Actor by, DateTimeOffset now)
    {
        if (LoopPermissions.Check(s.Unit, by, UnitPermissions.ChooseFocusAreas, "choose focus areas") is { } denied) return denied;
        var first = s.Conversations.FirstOrDefault(c => c.Slot.IsFirst);
        if (first is null || (!first.IsHeld && first.Status != ConversationStatus.BeforeTracking))
            return Problem.FailedPrecondition("Focus areas are chosen at the first samtale of the loop, which has not been held.");
        if (s.Themes is null) return Problem.FailedPrecondition($"The political themes of loop {s.Loop} are not set yet.");
        var valid = FocusAreaRules.Validate(areas, s.Themes);
        if (!valid.IsSuccess) return valid.Problem;
        if (s.FocusAreaHistory.Length >= CollectionLimits.FocusAreaChoicesPerLoop)
            return Problem.FailedPrecondition($"The focus areas of loop {s.Loop} have been chosen {s.FocusAreaHistory.Length} times, the most they may be; they cannot be chosen again in this loop.");
        var selection = new FocusAreaSelection(s.FocusAreaHistory.Length + 1, valid.Ok, by.ToString(), now);
        var change = new LoopChange(s with { FocusAreaHistory = s.FocusAreaHistory.Add(selection) }, now);
        change.CloseAll(TaskKind.ChooseFocusAreas, s.Loop.ToString(), by.ToString());
        change.Raise(TaskKind.CompileFocusAreaOverview, s.Loop.ToString(), AssigneeRole.Administration,
            DomainDates.DayOf(now).AddDays(s.Settings.FocusAreaOverviewDays));
        return change.Done();
    }

    /// <summary>The administration has put the unit's focus areas in the overview for the committee.</summary>
    public static Result<LoopOutcome> CompleteOverview(UnitLoopState s, Actor by, DateTimeOffset now)
    {
        if (LoopPermissions.Check(s.Unit, by, UnitPermissions.CrossUnitReports, "complete the focus-area overview") is { } denied) return denied;
        if (s.FocusAreaHistory.IsEmpty) return Problem.FailedPrecondition("The unit has not chosen focus areas yet.");
        var change = new LoopChange(s, now);
        change.CloseAll(TaskKind.CompileFocusAreaOverview, s.Loop.ToString(), by.ToString());
        return change.Done();
    }
}
