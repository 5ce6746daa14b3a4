using OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Silo.Simulation;

/// <summary>
/// Turns a unit's loop timeline into what its people will do, drawn from the behaviour shares with the
/// unit's own seeded random: samtaler scheduled when the window opens and held in it (or late, or never),
/// minutes on time or late, 1:1s held on or before their due day, board reports, the summing-up.
/// Nothing is planned for the planning day itself.
/// </summary>
internal static class UnitPlanner
{
    public static IEnumerable<PlannedAction> Plan(int unit, TimelineDto t, SimulationOptions o, Random rng, DateOnly today)
    {
        var first = today.AddDays(1);
        foreach (var c in t.Conversations.Where(c => c.Status is ConversationStatus.Planned && c.WindowClose >= first))
        {
            var open = Max(c.WindowOpen, first);
            var onTime = rng.NextDouble() < o.OnTime;
            DateOnly scheduleDay, heldDay;
            if (onTime)
            {
                scheduleDay = Min(open.AddDays(rng.Next(0, 10)), c.WindowClose);
                heldDay = Min(scheduleDay.AddDays(rng.Next(7, 50)), c.WindowClose);
            }
            else if (rng.NextDouble() < 0.5)
            {
                scheduleDay = Min(open.AddDays(rng.Next(0, 20)), c.WindowClose);
                heldDay = c.WindowClose.AddDays(rng.Next(7, 45));
            }
            else continue;

            yield return new(scheduleDay, true, unit, SimulatedAction.ScheduleConversation, c.Period, At(heldDay, 10));
            yield return new(heldDay, false, unit, SimulatedAction.HoldConversation, c.Period, At(heldDay, 10));
            var minutesDay = rng.NextDouble() < o.LateRecords ? heldDay.AddDays(rng.Next(15, 40)) : heldDay.AddDays(rng.Next(1, 14));
            yield return new(minutesDay, false, unit, SimulatedAction.SubmitMinutes, c.Period, At(heldDay, 10));
            if (c.Number != 1) continue;
            yield return new(minutesDay, false, unit, SimulatedAction.ChooseFocusAreas);
            yield return new(minutesDay.AddDays(rng.Next(1, 20)), false, unit, SimulatedAction.CompleteFocusAreaOverview);
        }

        foreach (var m in t.OneToOnes.Where(m => m.Status is OneToOneStatus.Planned && m.Due >= first))
        {
            if (rng.NextDouble() >= o.OneToOnesHeld) continue;
            yield return new(Max(m.Due.AddDays(-rng.Next(0, 14)), first), false, unit, SimulatedAction.HoldOneToOne, m.Key);
        }

        foreach (var b in t.BoardReports.Where(b => b.Status is BoardReportStatus.Pending && b.Due >= first))
        {
            var year = b.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var submitted = rng.NextDouble() < o.OnTime ? Max(b.Due.AddDays(-rng.Next(0, 20)), first) : b.Due.AddDays(rng.Next(5, 30));
            var reviewed = submitted.AddDays(rng.Next(1, 20));
            yield return new(submitted, false, unit, SimulatedAction.SubmitBoardReport, year);
            var followUp = rng.NextDouble() < 0.2;
            yield return new(reviewed, false, unit, SimulatedAction.ReviewBoardReport, year, FollowUp: followUp);
            if (followUp) yield return new(reviewed.AddDays(rng.Next(10, 40)), false, unit, SimulatedAction.HoldBoardFollowUpMeeting, year);
        }

        if (t.LoopEnd >= today) yield return new(t.LoopEnd.AddDays(rng.Next(1, 25)), false, unit, SimulatedAction.SubmitOpsamling);
        if (t.NextTreatment > first) yield return new(t.NextTreatment.AddDays(-1), false, unit, SimulatedAction.ObserveLoop, t.Loop);
        yield return new(Max(t.NextTreatment, first), true, unit, SimulatedAction.PlanLoop);
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
