using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Mapping;

namespace OrleansTilsyn.Grains.Units;

/// <summary>The commands of the loop: each parses its input and runs one domain transition (which checks the caller's permission).</summary>
public sealed partial class UnitGrain
{
    public Task<Result<CommandAck>> ScheduleConversationAsync(string period, DateTimeOffset at) =>
        RunAsync("ScheduleConversation", (s, by, now) => Inputs.Period(period).Then(p => ConversationCommands.Schedule(s, p, at, by, now)));

    public Task<Result<CommandAck>> HoldConversationAsync(string period, DateTimeOffset heldAt) =>
        RunAsync("HoldConversation", (s, by, now) => Inputs.Period(period).Then(p => ConversationCommands.Hold(s, p, heldAt, by, now)));

    public Task<Result<CommandAck>> SubmitMinutesAsync(string period, MinutesDto minutes) =>
        RunAsync("SubmitMinutes", (s, by, now) => Inputs.Period(period).Then(p => minutes is null
            ? Problem.Invalid("minutes", "is required")
            : ConversationCommands.SubmitRecord(s, p, minutes.ToDomain(), by, now)));

    public Task<Result<CommandAck>> CorrectMinutesAsync(string period, MinutesDto minutes, string reason, int? expectedVersion = null) =>
        RunAsync("CorrectMinutes", (s, by, now) => Inputs.Period(period).Then(p => minutes is null
            ? Problem.Invalid("minutes", "is required")
            : ConversationCommands.CorrectRecord(s, p, minutes.ToDomain(), reason, by, now, expectedVersion)));

    public Task<Result<CommandAck>> AddBoardStatementAsync(string period, string text) =>
        RunAsync("AddBoardStatement", (s, by, now) => Inputs.Period(period).Then(p => ConversationCommands.AddBoardStatement(s, p, text, by, now)));

    public Task<Result<CommandAck>> ChooseFocusAreasAsync(ImmutableArray<FocusAreaDto> focusAreas) =>
        RunAsync("ChooseFocusAreas", (s, by, now) => FocusAreaCommands.Choose(s, [.. focusAreas.OrEmpty().Select(MeetingMapping.ToDomain)], by, now));

    public Task<Result<CommandAck>> CompleteFocusAreaOverviewAsync() =>
        RunAsync("CompleteFocusAreaOverview", FocusAreaCommands.CompleteOverview);

    public Task<Result<CommandAck>> ScheduleOneToOneAsync(string key, DateTimeOffset at) =>
        RunAsync("ScheduleOneToOne", (s, by, now) => OneToOneCommands.Schedule(s, key, at, by, now));

    public Task<Result<CommandAck>> HoldOneToOneAsync(string key, DateTimeOffset heldAt) =>
        RunAsync("HoldOneToOne", (s, by, now) => OneToOneCommands.Hold(s, key, heldAt, by, now));

    public Task<Result<CommandAck>> RecordOneToOneAsync(string key, OneToOneRecordDto record) =>
        RunAsync("RecordOneToOne", (s, by, now) => record is null
            ? Problem.Invalid("record", "is required")
            : OneToOneCommands.Record(s, key, record.ToDomain(), by, now));

    public Task<Result<CommandAck>> HoldAndRecordOneToOneAsync(string key, DateTimeOffset heldAt, OneToOneRecordDto record) =>
        RunAsync("HoldAndRecordOneToOne", (s, by, now) => record is null
            ? Problem.Invalid("record", "is required")
            : OneToOneCommands.HoldAndRecord(s, key, heldAt, record.ToDomain(), by, now));

    public Task<Result<CommandAck>> CloseAgreementAsync(string agreementId, string? note) =>
        RunAsync("CloseAgreement", (s, by, now) => AgreementCommands.Close(s, agreementId, note, by, now));

    public Task<Result<CommandAck>> SubmitBoardReportAsync(int year, BoardReportContentDto report) =>
        RunAsync("SubmitBoardReport", (s, by, now) => report is null
            ? Problem.Invalid("report", "is required")
            : BoardReportCommands.Submit(s, year, report.ToDomain(), by, now));

    public Task<Result<CommandAck>> ReviewBoardReportAsync(int year, bool followUpRequired, string? note) =>
        RunAsync("ReviewBoardReport", (s, by, now) => BoardReportCommands.Review(s, year, followUpRequired, note, by, now));

    public Task<Result<CommandAck>> HoldBoardFollowUpMeetingAsync(int year, DateTimeOffset heldAt) =>
        RunAsync("HoldBoardFollowUpMeeting", (s, by, now) => BoardReportCommands.HoldFollowUpMeeting(s, year, heldAt, by, now));

    public Task<Result<CommandAck>> SubmitOpsamlingAsync(string summary) =>
        RunAsync("SubmitOpsamling", (s, by, now) => OpsamlingCommands.Submit(s, summary, by, now));
}
