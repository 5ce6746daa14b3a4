using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>Values as the loop produces them, one per family of contract types, with nulls, defaults and empties where they occur.</summary>
internal static class ContractSamples
{
    private static readonly DateTimeOffset At = new(2025, 9, 15, 10, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly Day = new(2025, 10, 1);

    public static readonly UnitDto Unit = new(
        "unit-7", "Børnehuset Solsikken", Sector.Dagtilbud, "leader:unit-7", "chief-2", "board:unit-7",
        [new SubUnitDto("unit-7.a", "Vuggestuen"), new SubUnitDto("unit-7.b", "Børnehaven")], SelfOwned: true);

    public static readonly TaskDto OpenTask = new("unit-7/WriteMinutes/2025-Autumn/Leader", TaskKind.WriteMinutes, "unit-7", "2025-Autumn",
        AssigneeRole.Leader, "chief-2", Day, TaskState.Overdue, At);

    public static readonly TaskDto ClosedTask = OpenTask with { Id = "unit-7/HoldConversation/2025-Autumn/Chief", Kind = TaskKind.HoldConversation,
        Assignee = AssigneeRole.Chief, State = TaskState.Done, ClosedAt = At.AddDays(3), ClosedBy = "chief-2" };

    public static readonly AgreementDto Agreement = new("agr-1", AgreementSourceKind.Conversation, "2025-Autumn", "Sprogvurdering af alle 3-årige",
        "Pædagogisk leder", Day.AddMonths(3), "chief-2", At, AgreementStatus.Open, null, null, null, false);

    public static readonly MinutesDto Minutes = new(
        [new ParticipantDto("Anne Hansen", "Leder", ParticipantRole.Leader), new ParticipantDto("Bo Berg", "Bestyrelse", ParticipantRole.BoardRepresentative)],
        [DataBasisKind.QuantitativeDataPackage, DataBasisKind.ParentAndBoardInput],
        ["Sprogscore steg 4 point"], ["Mere højtlæsning", "Samarbejde med biblioteket"],
        DecisionKind.NextSteps, "Højtlæsning dagligt", [new AgreementDraftDto("Plan for højtlæsning", "Leder", Day.AddMonths(1))],
        null, "Børnene ønsker flere bøger");

    public static readonly LoopHealthDto Health = new(2, 1, 3, 0, 4, 1, 0, 2, 1)
    {
        ConversationsDue = 3,
        OneToOnesDue = 3,
        OneToOnesDueHeld = 2,
        BoardReportsInReview = 1,
        TasksByKind = [new TaskKindHealthDto(TaskKind.WriteMinutes, 1, 1)],
        DataReleasesDue = ["2025-Spring", "2025-Autumn"],
    };

    public static readonly UnitStatusDto UnitStatus = new(Unit, "0-6/2025", 2, ConversationHolder.Board, Day, Day.AddYears(2), Day.AddYears(2).AddDays(-30),
        [new ThemeDto("sprog", "Sprog")], [new FocusAreaDto("sprog", "Dialogisk læsning", "Alle stuer")], new OpsamlingStatusDto("leader:unit-7", At),
        Health, [new LoopSummaryDto("0-6/2023", 1, 4, 4, 4, [new FocusAreaDto("leg", "Leg")], null)]);

    public static readonly ConversationDto Conversation = new(1, "2025-Autumn", 1, Day, Day.AddDays(14), Day.AddDays(60), ConversationStatus.Held,
        At, At.AddDays(2), "chief-2", 2, At.AddDays(5), 1, false);

    public static readonly TimelineDto Timeline = new("0-6/2025", Day, Day.AddYears(2), Day.AddYears(2), Day.AddYears(2).AddDays(-30),
        [Conversation, Conversation with { Number = 2, Period = "2026-Spring", Status = ConversationStatus.Planned, HeldAt = null, HeldBy = null, Overdue = true }],
        [new OneToOneDto("2025-Autumn.1", "2025-Autumn", 1, Day.AddMonths(2), OneToOneStatus.Scheduled, At.AddMonths(2), null, null, null, false)],
        [new BoardReportDto(2025, Day, BoardReportStatus.FollowUpRequired, "board:unit-7", At, Day.AddDays(14), "chief-2", At.AddDays(10), "Data om sprog mangler",
            Day.AddDays(40), null, false)]);

    public static readonly ConversationAgendaDto ConversationAgenda = new(Conversation, ConversationHolder.Chief,
        [new AgendaItemDto(1, "Data", 30, "Leder", [new AgendaPartDto("Gennemgang", 20), new AgendaPartDto("Spørgsmål", 10)], "DataPoints"),
         new AgendaItemDto(2, "Afrunding", 10, "Chef", [], null)],
        [new ParticipantRequirementDto(ParticipantRole.BoardRepresentative, Attendance.FirstConversation)],
        [new ThemeDto("sprog", "Sprog")], [], [new BoardStatementDto("Vi støtter planen", "board:unit-7", At)], [Agreement]);

    public static readonly InboxDto Inbox = new("chief-2", At, [OpenTask, ClosedTask], ["unit-9"]);

    public static readonly ReportDto Report = new("unit-7/tilsyn/2025", "unit-7", "Supervision", "2025", "tilsyn", 3, "Corrected", "board:unit-7", At, 4,
        [new AnswerDto("q1", Yes: false, Explanation: "Ikke endnu"), new AnswerDto("q2", Text: "Fri tekst"), new AnswerDto("q3", Choice: "b")],
        [new DraftSaveDto(1, "board:unit-7", At, 3, 0), new DraftSaveDto(2, "board:unit-7", At.AddHours(1), 1, 1)],
        [new SubmittedVersionDto(new ReceiptDto("unit-7/tilsyn/2025", 1, "tilsyn", 3, "board:unit-7", At, "sha256:ab12", null), [new AnswerDto("q1", Yes: true)])]);

    public static readonly ReportTemplateDto Template = new("tilsyn", 3, "Skriftligt tilsyn", "SupervisionReport",
        [new TemplateSectionDto("s1", "Grundlæggende tilsyn", [
            new TemplateQuestionDto("q1", "Er børnemiljøvurderingen opdateret?", "YesNo"),
            new TemplateQuestionDto("q3", "Hvilken model?", "Choice", Required: false, Options: [new ChoiceOptionDto("a", "A"), new ChoiceOptionDto("b", "B")],
                Explanation: "Optional")])],
        "admin-1", At);

    public static readonly SupervisionCaseDto SupervisionCase = new("unit-7/tilsyn/2025", 2025, "MeetingHeld",
        new ReceiptDto("unit-7/tilsyn/2025", 2, "tilsyn", 3, "board:unit-7", At, "sha256:cd34", "Rettet svar på q1"),
        "FollowUpMeeting", "Sprogdata under niveau", "2025-Autumn", 2, 2, At.AddDays(20), At.AddDays(21), "Drøftet plan", ["Leder", "Bestyrelsesformand"],
        null, [new SupervisionCaseEventDto("Reviewed", "chief-2", At.AddDays(12), "FollowUpMeeting"), new SupervisionCaseEventDto("MeetingHeld", "chief-2", At.AddDays(21), null)]);

    public static readonly DocumentDto Document = new("unit-7", DocumentKind.Minutes, "2025-Autumn",
        [new DocumentVersionDto(1, new DocumentContentDto(Minutes: Minutes), "chief-2", At, null),
         new DocumentVersionDto(2, new DocumentContentDto(Minutes: Minutes with { ClosingRemarks = "Tilføjet" }), "chief-2", At.AddDays(1), "Afrunding manglede")]);

    public static readonly DocumentDto OneToOneRecord = new("unit-7", DocumentKind.OneToOneRecord, "2025-Autumn.1",
        [new DocumentVersionDto(1, new DocumentContentDto(OneToOneRecord: new OneToOneRecordDto("Status gennemgået", ["Fortsæt"], [])), "chief-2", At, null)]);

    public static readonly UnitDataPackageDto DataPackage = new("unit-7", Sector.Dagtilbud, "2025-Autumn", 2,
        [new IndicatorDto("unit-7", "Sprogscore", QualityKind.Outcome, 71.5m, 24, false),
         new IndicatorDto("unit-7.a", "Sprogscore", QualityKind.Outcome, null, null, true)]);

    public static readonly DataPackageReleaseDto Release = new(Sector.Dagtilbud, "2025-Autumn", 2, 140, 12, "admin-1", At, "Fejl i gruppestørrelser");

    public static readonly Problem InvalidMinutes = Problem.Invalid("The minutes are incomplete.",
        [new FieldViolation("decision", "A decision is required."), new FieldViolation("agreements[0].due", "The due day is before the samtale.")]);

    public static readonly WheelVersionDto Wheel = new(new WheelKeyDto(Sector.Skole), 2, Day,
        new WheelSettingsDto("03-01", [new SeasonWindowDto(Season.Spring, "02-01", "02-15", "04-30")], [Season.Spring, Season.Autumn], 14, 2, 21,
            "11-01", 30, 14, 30, 60, "12-31", [new ParticipantRequirementDto(ParticipantRole.PupilRepresentative, Attendance.OncePerYear)], true),
        "admin-1", At, "Nye datoer");

    public static readonly ImmutableArray<ChiefDto> Chiefs = [new ChiefDto("chief-2", ["unit-7", "unit-9"]), new ChiefDto("chief-3", [])];
}
