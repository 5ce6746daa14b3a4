// Danish texts for the API's enums, dates and periods.
import { timestampDate, type Timestamp } from "@bufbuild/protobuf/wkt";
import { Attendance, ParticipantRole, QualityKind, Sector, type Date as Day } from "./gen/tilsyn/v1/common_pb";
import { AssigneeRole, TaskKind, TaskState } from "./gen/tilsyn/v1/inbox_pb";
import {
  AgreementStatus, BoardReportStatus, ConversationStatus, DataBasisKind, DecisionKind, OneToOneStatus,
  TimelineEntryKind, TimelineEntryState,
} from "./gen/tilsyn/v1/loops_pb";

export const sectorText: Record<Sector, string> = {
  [Sector.UNSPECIFIED]: "Ukendt", [Sector.DAGTILBUD]: "Dagtilbud", [Sector.SKOLE]: "Skole", [Sector.FU]: "Fritids- og ungdomsskoletilbud",
};

export const qualityText: Record<QualityKind, string> = {
  [QualityKind.UNSPECIFIED]: "Uden kvalitetstype", [QualityKind.STRUCTURAL]: "Strukturel kvalitet",
  [QualityKind.PROCESS]: "Proceskvalitet", [QualityKind.OUTCOME]: "Resultatkvalitet",
};

export const participantRoleText: Record<ParticipantRole, string> = {
  [ParticipantRole.UNSPECIFIED]: "Vælg funktion",
  [ParticipantRole.CHIEF]: "Børn og Unge-chef",
  [ParticipantRole.LEADER]: "Leder",
  [ParticipantRole.PEDAGOGICAL_LEADER]: "Pædagogisk leder",
  [ParticipantRole.FU_DEPUTY]: "Souschef (FU)",
  [ParticipantRole.LEISURE_CENTRE_LEADER]: "Fritidscenterleder",
  [ParticipantRole.YOUTH_SCHOOL_COORDINATOR]: "Ungdomsskolekoordinator",
  [ParticipantRole.EMPLOYEE_REPRESENTATIVE]: "Medarbejderrepræsentant",
  [ParticipantRole.BOARD_REPRESENTATIVE]: "Bestyrelsesrepræsentant",
  [ParticipantRole.PROFESSIONAL_CONSULTANT]: "Faglig konsulent",
  [ParticipantRole.DEPARTMENT_LEADER_REPRESENTATIVE]: "Repræsentant for afdelingslederne",
  [ParticipantRole.YOUTH_REPRESENTATIVE]: "Ungerepræsentant",
  [ParticipantRole.PUPIL_REPRESENTATIVE]: "Elevrepræsentant",
  [ParticipantRole.AD_HOC]: "Ad hoc-deltager",
  [ParticipantRole.MINUTE_TAKER]: "Referent",
  [ParticipantRole.OTHER]: "Anden",
};

export const attendanceText: Record<Attendance, string> = {
  [Attendance.UNSPECIFIED]: "", [Attendance.EVERY_CONVERSATION]: "hver samtale",
  [Attendance.FIRST_CONVERSATION]: "mindst den første samtale", [Attendance.ONCE_PER_YEAR]: "mindst én samtale om året",
  [Attendance.ONCE_PER_LOOP]: "mindst én samtale i loopet",
};

export const taskKindText: Record<TaskKind, string> = {
  [TaskKind.UNSPECIFIED]: "Opgave",
  [TaskKind.PREPARE_CONVERSATION]: "Forbered læringssamtale",
  [TaskKind.SCHEDULE_CONVERSATION]: "Planlæg læringssamtale",
  [TaskKind.HOLD_CONVERSATION]: "Afhold læringssamtale",
  [TaskKind.WRITE_MINUTES]: "Skriv referat og aftaler",
  [TaskKind.CHOOSE_FOCUS_AREAS]: "Vælg lokale fokusområder",
  [TaskKind.COMPILE_FOCUS_AREA_OVERVIEW]: "Saml overblik over fokusområder",
  [TaskKind.HOLD_ONE_TO_ONE]: "Afhold 1:1-ledelsesopfølgning",
  [TaskKind.SUBMIT_BOARD_REPORT]: "Indsend bestyrelsens tilsynsrapport",
  [TaskKind.REVIEW_BOARD_REPORT]: "Gennemgå bestyrelsens tilsynsrapport",
  [TaskKind.HOLD_BOARD_FOLLOW_UP_MEETING]: "Afhold opfølgningsmøde med bestyrelsen",
  [TaskKind.OPSAMLING]: "Skriv opsamling af loopet",
  [TaskKind.SCHEDULE_BOARD_FOLLOW_UP_MEETING]: "Planlæg opfølgningsmøde med bestyrelsen",
  [TaskKind.CLOSE_SUPERVISION_CASE]: "Afslut tilsynssagen",
};

export const taskStateText: Record<TaskState, string> = {
  [TaskState.UNSPECIFIED]: "", [TaskState.OPEN]: "Åben", [TaskState.OVERDUE]: "Overskredet", [TaskState.DONE]: "Udført",
};

export const assigneeText: Record<AssigneeRole, string> = {
  [AssigneeRole.UNSPECIFIED]: "", [AssigneeRole.LEADER]: "Leder", [AssigneeRole.CHIEF]: "Børn og Unge-chef",
  [AssigneeRole.BOARD]: "Bestyrelse", [AssigneeRole.ADMINISTRATION]: "Forvaltningen",
};

export const conversationStatusText: Record<ConversationStatus, string> = {
  [ConversationStatus.UNSPECIFIED]: "", [ConversationStatus.PLANNED]: "Ikke planlagt endnu",
  [ConversationStatus.SCHEDULED]: "Planlagt", [ConversationStatus.HELD]: "Afholdt",
  [ConversationStatus.BEFORE_TRACKING]: "Før opfølgningen begyndte",
};

export const oneToOneStatusText: Record<OneToOneStatus, string> = {
  [OneToOneStatus.UNSPECIFIED]: "", [OneToOneStatus.PLANNED]: "Ikke planlagt endnu", [OneToOneStatus.SCHEDULED]: "Planlagt",
  [OneToOneStatus.HELD]: "Afholdt", [OneToOneStatus.BEFORE_TRACKING]: "Før opfølgningen begyndte",
};

export const boardReportStatusText: Record<BoardReportStatus, string> = {
  [BoardReportStatus.UNSPECIFIED]: "", [BoardReportStatus.PENDING]: "Afventer bestyrelsens rapport",
  [BoardReportStatus.SUBMITTED]: "Indsendt, afventer chefens gennemgang", [BoardReportStatus.ACCEPTED]: "Godkendt",
  [BoardReportStatus.FOLLOW_UP_REQUIRED]: "Opfølgningsmøde påkrævet", [BoardReportStatus.FOLLOW_UP_HELD]: "Opfølgningsmøde afholdt",
  [BoardReportStatus.BEFORE_TRACKING]: "Før opfølgningen begyndte",
};

export const agreementStatusText: Record<AgreementStatus, string> = {
  [AgreementStatus.UNSPECIFIED]: "", [AgreementStatus.OPEN]: "Åben", [AgreementStatus.CLOSED]: "Lukket",
  [AgreementStatus.WITHDRAWN]: "Trukket tilbage",
};

export const decisionKindText: Record<DecisionKind, string> = {
  [DecisionKind.UNSPECIFIED]: "", [DecisionKind.NEXT_STEPS]: "Næste skridt",
  [DecisionKind.COLLECT_MORE_DATA]: "Indsamle flere data om temaet",
};

export const dataBasisText: Record<DataBasisKind, string> = {
  [DataBasisKind.UNSPECIFIED]: "",
  [DataBasisKind.QUANTITATIVE_DATA_PACKAGE]: "A: Kvantitative datapakker",
  [DataBasisKind.OWN_PRACTICE_DATA]: "B: Data indsamlet systematisk fra egen praksis",
  [DataBasisKind.ONE_TO_ONE_INPUT]: "C: Input fra 1:1-ledelsesopfølgninger",
  [DataBasisKind.PARENT_AND_BOARD_INPUT]: "D: Input fra forældre og bestyrelse",
  [DataBasisKind.CHILDREN_AND_YOUTH_INPUT]: "E: Input fra børn og unge",
};

export const timelineKindText: Record<TimelineEntryKind, string> = {
  [TimelineEntryKind.UNSPECIFIED]: "",
  [TimelineEntryKind.QUALITY_REPORT_TREATED]: "Byrådet behandler kvalitetsrapporten",
  [TimelineEntryKind.DATA_PACKAGE_RELEASE]: "Datapakke udgives",
  [TimelineEntryKind.CONVERSATION_WINDOW_OPENS]: "Vindue for læringssamtale åbner",
  [TimelineEntryKind.CONVERSATION]: "Læringssamtale",
  [TimelineEntryKind.CONVERSATION_WINDOW_CLOSES]: "Vindue for læringssamtale lukker",
  [TimelineEntryKind.MINUTES_DUE]: "Frist for referat",
  [TimelineEntryKind.ONE_TO_ONE_DUE]: "1:1-ledelsesopfølgning",
  [TimelineEntryKind.BOARD_REPORT_DUE]: "Frist for bestyrelsens tilsynsrapport",
  [TimelineEntryKind.CHIEF_REVIEW_DUE]: "Frist for chefens gennemgang",
  [TimelineEntryKind.LOOP_END]: "Loopet slutter",
  [TimelineEntryKind.OPSAMLING_DUE]: "Frist for opsamling",
};

export const timelineStateText: Record<TimelineEntryState, string> = {
  [TimelineEntryState.UNSPECIFIED]: "", [TimelineEntryState.UPCOMING]: "Kommende", [TimelineEntryState.OPEN]: "Åben",
  [TimelineEntryState.DONE]: "Udført", [TimelineEntryState.OVERDUE]: "Overskredet",
  [TimelineEntryState.BEFORE_TRACKING]: "Før opfølgningen begyndte",
};

export const roleText: Record<string, string> = {
  chief: "Børn og Unge-chef", leader: "Leder", board: "Bestyrelsesmedlem", administration: "Forvaltningen", operations: "Drift",
};

/** `2025-Spring` as "foråret 2025". */
export function periodText(period: string): string {
  const [year, season] = period.split("-");
  if (!season) return period;
  return `${season.startsWith("Spring") ? "foråret" : "efteråret"} ${year}${season.includes(".") ? `, nr. ${season.split(".")[1]}` : ""}`;
}

const dayFormat = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" });

export function dayToDate(day: Day): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

export function dayText(day: Day | undefined): string {
  return day && day.year > 0 ? dayFormat.format(dayToDate(day)) : "–";
}

export function timeText(time: Timestamp | undefined): string {
  return time ? timeFormat.format(timestampDate(time)) : "–";
}

/** The actor of an attribution (`chief:bu-chef-1`) in words. */
export function actorText(actor: string | undefined): string {
  if (!actor) return "–";
  const [role, id] = actor.split(":");
  return role && id ? `${roleText[role] ?? role} (${id})` : actor;
}

/** The service's English error texts in Danish, where they are known; otherwise as they are. */
export function problemText(message: string): string {
  const known: [RegExp, string][] = [
    [/^(?:[\w.[\]]+ )?(is required|must not be empty|must be set)\.?$/i, "skal udfyldes"],
    [/^explain the no answer$/i, "forklar nej-svaret"],
    [/^explain the yes answer$/i, "forklar ja-svaret"],
    [/must be 1-(\d+) characters/i, "skal være 1-$1 tegn"],
    [/at least one/i, "skal have mindst én"],
  ];
  for (const [pattern, danish] of known) if (pattern.test(message)) return message.replace(pattern, danish);
  return message;
}
