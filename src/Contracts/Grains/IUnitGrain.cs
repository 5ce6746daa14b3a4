using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// One unit (key = unit id) and its two-year loop: the calendar driven by reminders, every command of
/// the loop and the unit's tasks. Commands are attributed to the caller (CallContext.Actor) and refused
/// with PermissionDenied when the role may not take them; periods are "2023-Spring", 1:1 keys "2023-Spring.2".
/// </summary>
[Alias("tilsyn.IUnitGrain")]
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>Creates the unit and starts its loop, or updates it (administration; the organisation grain calls this).</summary>
    Task<Result<CommandAck>> RegisterAsync(UnitDto unit);

    /// <summary>The area's themes for the unit's current loop (pushed by the area grain).</summary>
    Task<Result<CommandAck>> SetThemesAsync(ThemeSetDto themes);

    /// <summary>A data package for the period was released (pushed by the data package grain): preparation tasks.</summary>
    Task<Result<CommandAck>> DataPackageReleasedAsync(string period);

    /// <summary>Starts the next loop now (administration), when the current one has ended; normally a reminder does it.</summary>
    Task<Result<CommandAck>> StartNextLoopAsync();

    Task<Result<CommandAck>> ScheduleConversationAsync(string period, DateTimeOffset at);

    Task<Result<CommandAck>> HoldConversationAsync(string period, DateTimeOffset heldAt);

    Task<Result<CommandAck>> SubmitMinutesAsync(string period, MinutesDto minutes);

    /// <summary>A new attributed version of the minutes; earlier versions stay. With <paramref name="expectedVersion"/>, only on top of that version.</summary>
    Task<Result<CommandAck>> CorrectMinutesAsync(string period, MinutesDto minutes, string reason, int? expectedVersion = null);

    Task<Result<CommandAck>> AddBoardStatementAsync(string period, string text);

    Task<Result<CommandAck>> ChooseFocusAreasAsync(ImmutableArray<FocusAreaDto> focusAreas);

    /// <summary>The administration has put the unit's focus areas in the committee overview.</summary>
    Task<Result<CommandAck>> CompleteFocusAreaOverviewAsync();

    Task<Result<CommandAck>> ScheduleOneToOneAsync(string key, DateTimeOffset at);

    Task<Result<CommandAck>> HoldOneToOneAsync(string key, DateTimeOffset heldAt);

    Task<Result<CommandAck>> RecordOneToOneAsync(string key, OneToOneRecordDto record);

    /// <summary>Holds the 1:1 and records it in one step.</summary>
    Task<Result<CommandAck>> HoldAndRecordOneToOneAsync(string key, DateTimeOffset heldAt, OneToOneRecordDto record);

    Task<Result<CommandAck>> CloseAgreementAsync(string agreementId, string? note);

    Task<Result<CommandAck>> SubmitBoardReportAsync(int year, BoardReportContentDto report);

    Task<Result<CommandAck>> ReviewBoardReportAsync(int year, bool followUpRequired, string? note);

    Task<Result<CommandAck>> HoldBoardFollowUpMeetingAsync(int year, DateTimeOffset heldAt);

    Task<Result<CommandAck>> SubmitOpsamlingAsync(string summary);

    /// <summary>The report grain tells the loop a written supervision report (or its correction) was submitted: the chief's case opens.</summary>
    Task<Result<CommandAck>> SupervisionReportSubmittedAsync(ReceiptDto receipt);

    /// <summary>The chief's review beside the unit's latest data package. Decision: Accept or FollowUpMeeting (reason required).</summary>
    Task<Result<CommandAck>> ReviewSupervisionReportAsync(int year, string decision, string? reason);

    Task<Result<CommandAck>> ScheduleSupervisionMeetingAsync(int year, DateTimeOffset at);

    /// <summary>Attendees by function, never by name.</summary>
    Task<Result<CommandAck>> RecordSupervisionMeetingAsync(int year, DateTimeOffset heldAt, string notes, ImmutableArray<string> attendees);

    Task<Result<CommandAck>> CloseSupervisionCaseAsync(int year, string? conclusion);

    /// <summary>The chief's case on the written supervision report of a year (board, chief, administration).</summary>
    [AlwaysInterleave]
    Task<Result<SupervisionCaseDto>> GetSupervisionCaseAsync(int year);

    /// <summary>The unit as registered (report grains check access with it); NotFound while not registered.</summary>
    [AlwaysInterleave]
    Task<Result<UnitDto>> GetUnitAsync();

    [AlwaysInterleave]
    Task<Result<UnitStatusDto>> GetStatusAsync();

    [AlwaysInterleave]
    Task<Result<TimelineDto>> GetTimelineAsync();

    /// <summary>Counts only; operations may read it.</summary>
    [AlwaysInterleave]
    Task<Result<LoopHealthDto>> GetHealthAsync();

    [AlwaysInterleave]
    Task<Result<ImmutableArray<TaskDto>>> GetTasksAsync(TaskQuery query);

    [AlwaysInterleave]
    Task<Result<ImmutableArray<AgreementDto>>> GetAgreementsAsync(bool includeClosed);

    [AlwaysInterleave]
    Task<Result<ConversationAgendaDto>> GetConversationAgendaAsync(string period);

    [AlwaysInterleave]
    Task<Result<OneToOneAgendaDto>> GetOneToOneAgendaAsync(string key);

    /// <summary>A written document with every version (minutes: period; 1:1 record: key; board report: year; opsamling: loop).</summary>
    [AlwaysInterleave]
    Task<Result<DocumentDto>> GetDocumentAsync(DocumentKind kind, string occurrence);

    /// <summary>The focus areas of the current or a past loop ("0-6/2023").</summary>
    [AlwaysInterleave]
    Task<Result<UnitFocusAreasDto>> GetFocusAreasAsync(string loop);

    /// <summary>The summing-up of the current or a past loop.</summary>
    [AlwaysInterleave]
    Task<Result<UnitOpsamlingDto>> GetOpsamlingAsync(string loop);

    /// <summary>Null when the caller may read documents of this kind of the unit; otherwise the problem (document grains ask this).</summary>
    [AlwaysInterleave]
    Task<Problem?> AuthorizeReadAsync(DocumentKind kind);
}
