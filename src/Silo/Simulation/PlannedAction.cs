namespace OrleansTilsyn.Silo.Simulation;

internal enum SimulatedAction
{
    ScheduleConversation,
    HoldConversation,
    SubmitMinutes,
    ChooseFocusAreas,
    CompleteFocusAreaOverview,
    HoldOneToOne,
    SubmitBoardReport,
    ReviewBoardReport,
    HoldBoardFollowUpMeeting,
    SubmitOpsamling,
    /// <summary>Read the loop's timeline into the health tally (the day before the next loop starts, and at the end).</summary>
    ObserveLoop,
    /// <summary>Read the new loop's timeline and plan what its people will do.</summary>
    PlanLoop,
}

/// <summary>
/// Something a unit's people do on a day: in the morning (07:00) or at midday (13:00). <see cref="FollowUp"/>
/// marks a board report review that calls for a follow-up meeting.
/// </summary>
internal sealed record PlannedAction(DateOnly Day, bool Morning, int Unit, SimulatedAction Action, string Occurrence = "", DateTimeOffset At = default, bool FollowUp = false);
