using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>
/// Every task the loop raises (SPEC "Tasks the loop raises"). "Overdue" is not a kind: a task whose
/// due day has passed without the underlying action moves to <see cref="TaskState.Overdue"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskKind>))]
[GenerateSerializer, Alias("tilsyn.TaskKind")]
public enum TaskKind
{
    /// <summary>Data package released: prepare the samtale (leader; chief, or board when self-owned).</summary>
    PrepareConversation,
    /// <summary>Window opened: put the samtale in the calendar.</summary>
    ScheduleConversation,
    /// <summary>Scheduled: hold it within the window; overdue when the window closes without it.</summary>
    HoldConversation,
    /// <summary>Held: write minutes, decision and agreements by the minutes due date.</summary>
    WriteMinutes,
    /// <summary>First samtale held: record the local focus areas chosen within the political themes.</summary>
    ChooseFocusAreas,
    /// <summary>Focus areas chosen: include them in the overview for the Børn og Unge committee.</summary>
    CompileFocusAreaOverview,
    /// <summary>A 1:1 follow-up is coming due.</summary>
    HoldOneToOne,
    /// <summary>Self-owned daycare: the board's written supervision report is coming due.</summary>
    SubmitBoardReport,
    /// <summary>Board report submitted: the chief reviews it with the administration's data.</summary>
    ReviewBoardReport,
    /// <summary>The review found that the data call for a meeting with the board.</summary>
    HoldBoardFollowUpMeeting,
    /// <summary>Loop end: sum up the local work for the next quality report.</summary>
    Opsamling,
    /// <summary>The chief's review of a written supervision report required a meeting: put it in the calendar.</summary>
    ScheduleBoardFollowUpMeeting,
    /// <summary>The follow-up meeting with the board is recorded: close the supervision case.</summary>
    CloseSupervisionCase,
}
