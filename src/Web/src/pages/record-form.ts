// The minutes of a læringssamtale along the learning circle: participants, data, reflection, decision,
// agreements and closing remarks (the follow-up record of the framework's agenda template).
import { api, requestId, type Violation } from "../api";
import { fieldId, h } from "../dom";
import { choiceGroup, errorSummary, field, lines, selectField, showErrors, submitting, text, values } from "../forms";
import { ParticipantRole } from "../gen/tilsyn/v1/common_pb";
import { DataBasisKind, DecisionKind, type ConversationAgenda, type ConversationRecord } from "../gen/tilsyn/v1/loops_pb";
import { dayOfInput } from "../time";
import { attendanceText, dataBasisText, decisionKindText, participantRoleText } from "../text";

const roleChoices = Object.entries(participantRoleText).map(([v, t]) => [v, t] as [string, string]);

/** Field paths of the request in words, for the error summary. */
export function recordLabel(path: string): string {
  const p = path.replace(/^record\./, "");
  const indexed = /^(participants|agreements)\[(\d+)\](?:\.(\w+))?/.exec(p);
  if (indexed) {
    const n = Number(indexed[2]) + 1;
    const part: Record<string, string> = { name: "navn", function: "funktion", role: "rolle", action: "handling", owner: "ansvarlig", due: "frist" };
    return `${indexed[1] === "participants" ? "Deltager" : "Aftale"} ${n}${indexed[3] ? `, ${part[indexed[3]] ?? indexed[3]}` : ""}`;
  }
  const names: Record<string, string> = {
    participants: "Deltagere", data_basis: "Datagrundlag", data_points: "Pointer fra dataanalysen",
    possible_next_steps: "Mulige næste skridt", decision_kind: "Beslutningens art", decision: "Beslutning",
    agreements: "Aftaler", closing_remarks: "Afsluttende bemærkninger", children_perspective: "Børnenes perspektiv", record: "Referatet",
  };
  return names[p] ?? path;
}

function participantRow(index: number, role: ParticipantRole, fn: string, list: HTMLElement): HTMLElement {
  const path = `record.participants[${index}]`;
  const row = h("fieldset", { class: "row-group", id: fieldId(path), tabindex: -1, "data-row": "participant" },
    h("legend", null, `Deltager ${index + 1}`),
    field({ path: `${path}.name`, label: "Navn" }),
    field({ path: `${path}.function`, label: "Funktion", value: fn }),
    selectField(`${path}.role`, "Rolle i rammen", roleChoices, String(role)),
    h("button", { type: "button", class: "secondary small", onclick: () => { row.remove(); renumber(list, "participant"); } }, "Fjern deltager", h("span", { class: "visually-hidden" }, ` ${index + 1}`)));
  return row;
}

function agreementRow(index: number, list: HTMLElement): HTMLElement {
  const path = `record.agreements[${index}]`;
  const row = h("fieldset", { class: "row-group", id: fieldId(path), tabindex: -1, "data-row": "agreement" },
    h("legend", null, `Aftale ${index + 1}`),
    field({ path: `${path}.action`, label: "Hvad gøres (handling)", type: "textarea", rows: 2 }),
    field({ path: `${path}.owner`, label: "Ansvarlig (funktion)" }),
    field({ path: `${path}.due`, label: "Frist", type: "date" }),
    h("button", { type: "button", class: "secondary small", onclick: () => { row.remove(); renumber(list, "agreement"); } }, "Fjern aftale", h("span", { class: "visually-hidden" }, ` ${index + 1}`)));
  return row;
}

/** After a row is removed the others keep paths that match the request's indexes. */
function renumber(list: HTMLElement, kind: "participant" | "agreement"): void {
  const rows = Array.from(list.querySelectorAll<HTMLElement>(`[data-row=${kind}]`));
  const name = kind === "participant" ? "participants" : "agreements";
  rows.forEach((row, i) => {
    row.querySelector("legend")!.textContent = `${kind === "participant" ? "Deltager" : "Aftale"} ${i + 1}`;
    row.id = fieldId(`record.${name}[${i}]`);
    row.querySelectorAll<HTMLElement>("[data-field]").forEach((f) => {
      const path = f.dataset.field!.replace(/\[\d+\]/, `[${i}]`);
      f.dataset.field = path;
      const control = f.querySelector<HTMLElement>("input, select, textarea")!;
      const id = fieldId(path);
      control.id = id;
      control.setAttribute("name", path);
      control.setAttribute("aria-describedby", `${id}-error`);
      f.querySelector("label")!.setAttribute("for", id);
      f.querySelector(".field-error")!.id = `${id}-error`;
    });
  });
}

/** What only the browser can get wrong (a due day it cannot read): checked before sending, as the service
 * would refuse the request before checking the framework's rules. */
function unreadable(record: ReturnType<typeof read>): Violation[] {
  return record.agreements.flatMap((a, i) => (a.due ? [] : [{ field: `record.agreements[${i}].due`, description: "skal udfyldes med en gyldig dato" }]));
}

function read(form: HTMLFormElement) {
  const participants = Array.from(form.querySelectorAll<HTMLElement>("[data-row=participant]")).map((_, i) => ({
    name: text(form, `record.participants[${i}].name`),
    function: text(form, `record.participants[${i}].function`),
    role: Number(text(form, `record.participants[${i}].role`)) as ParticipantRole,
  }));
  const agreements = Array.from(form.querySelectorAll<HTMLElement>("[data-row=agreement]")).map((_, i) => ({
    action: text(form, `record.agreements[${i}].action`),
    owner: text(form, `record.agreements[${i}].owner`),
    due: dayOfInput(text(form, `record.agreements[${i}].due`)),
  }));
  // Rows left empty at the end are not agreements; the service then says whether one is missing.
  while (agreements.length > 0 && !agreements.at(-1)!.action && !agreements.at(-1)!.owner && !agreements.at(-1)!.due) agreements.pop();
  return {
    participants,
    dataBasis: values(form, "record.data_basis").map(Number) as DataBasisKind[],
    dataPoints: lines(form, "record.data_points"),
    possibleNextSteps: lines(form, "record.possible_next_steps"),
    decisionKind: Number(values(form, "record.decision_kind")[0] ?? 0) as DecisionKind,
    decision: text(form, "record.decision"),
    agreements,
    closingRemarks: text(form, "record.closing_remarks"),
    childrenPerspective: text(form, "record.children_perspective"),
  };
}

export function recordForm(conversationName: string, agenda: ConversationAgenda, first: boolean, done: (record: ConversationRecord) => void): HTMLFormElement {
  const summary = errorSummary();
  const participants = h("div", { class: "rows" });
  agenda.requiredParticipants.forEach((r, i) => participants.appendChild(participantRow(i, r.role, participantRoleText[r.role], participants)));
  const agreements = h("div", { class: "rows" });
  agreements.appendChild(agreementRow(0, agreements));
  const step = (title: string, minutes: string, ...children: (Node | null)[]) =>
    h("fieldset", { class: "step" }, h("legend", null, title, h("span", { class: "muted" }, ` ${minutes}`)), ...children);
  const form = h("form", { class: "record-form", novalidate: true, "aria-labelledby": "record-heading" },
    h("h2", { id: "record-heading" }, "Referat langs læringscirklen"),
    h("p", null, "Referatet skrives i opfølgningsmodulet. Felter markeret \u201eskal udfyldes\u201c kræves af rammen."),
    summary,
    h("fieldset", { class: "step", id: fieldId("record.participants"), tabindex: -1 },
      h("legend", null, "Deltagere"),
      h("p", { class: "hint" }, `Disse funktioner skal deltage: ${agenda.requiredParticipants.map((r) => `${participantRoleText[r.role]} (${attendanceText[r.attendance]})`).join(", ")}.`),
      participants,
      h("button", { type: "button", class: "secondary", onclick: () => {
        const n = participants.querySelectorAll("[data-row=participant]").length;
        const row = participantRow(n, ParticipantRole.AD_HOC, "", participants);
        participants.appendChild(row);
        row.querySelector("input")?.focus();
      } }, "Tilføj deltager")),
    step("Data", "(35 min.)",
      choiceGroup("record.data_basis", "Datagrundlag", "checkbox",
        [DataBasisKind.QUANTITATIVE_DATA_PACKAGE, DataBasisKind.OWN_PRACTICE_DATA, DataBasisKind.ONE_TO_ONE_INPUT, DataBasisKind.PARENT_AND_BOARD_INPUT, DataBasisKind.CHILDREN_AND_YOUTH_INPUT]
          .map((k) => [String(k), dataBasisText[k]] as [string, string]),
        [String(DataBasisKind.QUANTITATIVE_DATA_PACKAGE)], "Datapakken (A) skal altid indgå."),
      field({ path: "record.data_points", label: "Pointer fra dataanalysen", hint: "Én pointe pr. linje.", type: "textarea", required: true })),
    step("Refleksion", "(30 min.)",
      field({ path: "record.possible_next_steps", label: "Mulige næste skridt", hint: "Ét pr. linje.", type: "textarea", required: true })),
    step("Beslutning", "(10 min.)",
      choiceGroup("record.decision_kind", "Beslutningens art", "radio",
        [DecisionKind.NEXT_STEPS, DecisionKind.COLLECT_MORE_DATA].map((k) => [String(k), decisionKindText[k]] as [string, string]), [String(DecisionKind.NEXT_STEPS)]),
      field({ path: "record.decision", label: "Beslutning", type: "textarea", required: true })),
    h("fieldset", { class: "step", id: fieldId("record.agreements"), tabindex: -1 },
      h("legend", null, "Handling og aftaler", h("span", { class: "muted" }, " (10 min.)")),
      agreements,
      h("button", { type: "button", class: "secondary", onclick: () => {
        const n = agreements.querySelectorAll("[data-row=agreement]").length;
        const row = agreementRow(n, agreements);
        agreements.appendChild(row);
        row.querySelector("textarea")?.focus();
      } }, "Tilføj aftale")),
    step("Opsamling og afslutning", "(15 min.)",
      field({ path: "record.closing_remarks", label: "Afsluttende bemærkninger", type: "textarea" }),
      field({ path: "record.children_perspective", label: "Hvordan indgår børnenes perspektiv?", type: "textarea", required: first,
        hint: first ? "Skal beskrives ved den første samtale i loopet." : undefined })),
    h("button", { type: "submit" }, "Gem referatet"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const content = read(form);
    const local = unreadable(content);
    if (local.length > 0) {
      showErrors(form, summary, local, recordLabel);
      return;
    }
    const record = await submitting(form, summary, recordLabel, () =>
      api.loops.submitConversationRecord({ name: conversationName, record: content, requestId: requestId() }));
    if (record) done(record);
  });
  return form;
}
