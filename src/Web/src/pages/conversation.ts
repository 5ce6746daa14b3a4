// One læringssamtale: preparation from the agenda template, scheduling, holding, the record along the
// learning circle and, at the first conversation, the choice of local focus areas.
import { api, errorText, requestId } from "../api";
import { announce, now, type Page } from "../app";
import { h, replace } from "../dom";
import { errorSummary, field, section, selectField, submitting, text } from "../forms";
import { ConversationStatus, type Conversation, type ConversationAgenda, type ConversationRecord, type Loop } from "../gen/tilsyn/v1/loops_pb";
import {
  actorText, attendanceText, dataBasisText, dayText, decisionKindText, participantRoleText, periodText, timeText,
} from "../text";
import { localInputValue, timestampOfInput } from "../time";
import { recordForm } from "./record-form";

function agendaView(agenda: ConversationAgenda): HTMLElement {
  return section(`Dagsorden (${agenda.totalMinutes} min.)`,
    h("ol", { class: "agenda" }, agenda.items.map((item) => h("li", null,
      h("strong", null, item.title), ` – ${item.minutes} min.`, item.responsible ? `, ansvarlig: ${item.responsible}` : "",
      item.parts.length ? h("ul", null, item.parts.map((p) => h("li", null, `${p.title} (${p.minutes} min.)`))) : null))),
    h("h3", null, "Skal deltage"),
    h("ul", null, agenda.requiredParticipants.map((r) => h("li", null, `${participantRoleText[r.role]}: ${attendanceText[r.attendance]}`))),
    h("h3", null, agenda.focusAreas.length ? "Lokale fokusområder" : "Politiske temaer"),
    h("ul", null, agenda.focusAreas.length
      ? agenda.focusAreas.map((f) => h("li", null, f.title, f.description ? ` – ${f.description}` : ""))
      : agenda.themes.map((t) => h("li", null, `${t.title} (${t.code})`))),
    h("h3", null, "Bestyrelsens udtalelser"),
    agenda.boardStatements.length ? h("ul", null, agenda.boardStatements.map((s) => h("li", null, h("blockquote", null, s.text), ` – ${actorText(s.submitted?.actor)}`))) : h("p", null, "Ingen udtalelser endnu."),
    h("h3", null, "Åbne aftaler der følges op på"),
    agenda.openAgreements.length ? h("ul", null, agenda.openAgreements.map((a) => h("li", null, `${a.action} (${a.owner}, frist ${dayText(a.due)})`))) : h("p", null, "Ingen åbne aftaler."));
}

function recordView(record: ConversationRecord): HTMLElement {
  const c = record.content!;
  return section(`Referat, version ${record.version}`,
    h("p", { class: "muted" }, `Skrevet af ${actorText(record.written?.actor)} ${timeText(record.written?.time)}`),
    h("h3", null, "Deltagere"), h("ul", null, c.participants.map((p) => h("li", null, `${p.name}, ${p.function} (${participantRoleText[p.role]})`))),
    h("h3", null, "Datagrundlag"), h("ul", null, c.dataBasis.map((d) => h("li", null, dataBasisText[d]))),
    h("h3", null, "Pointer fra dataanalysen"), h("ul", null, c.dataPoints.map((d) => h("li", null, d))),
    h("h3", null, "Mulige næste skridt"), h("ul", null, c.possibleNextSteps.map((d) => h("li", null, d))),
    h("h3", null, `Beslutning (${decisionKindText[c.decisionKind]})`), h("p", null, c.decision),
    h("h3", null, "Aftaler"), h("ul", null, c.agreements.map((a) => h("li", null, `${a.action} – ${a.owner}, frist ${dayText(a.due)}`))),
    c.closingRemarks ? [h("h3", null, "Afsluttende bemærkninger"), h("p", null, c.closingRemarks)] : null,
    c.childrenPerspective ? [h("h3", null, "Børnenes perspektiv"), h("p", null, c.childrenPerspective)] : null);
}

function timeForm(title: string, label: string, button: string, path: string, value: string, act: (at: string) => Promise<unknown>): HTMLElement {
  const summary = errorSummary();
  const form = h("form", { novalidate: true, class: "inline-form" }, summary,
    field({ path, label, type: "datetime-local", value, required: true }),
    h("button", { type: "submit" }, button));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await submitting(form, summary, () => label, () => act(text(form, path)));
  });
  return section(title, form);
}

function focusAreaForm(loop: Loop, done: () => void): HTMLElement {
  const summary = errorSummary();
  const themes = loop.themes.map((t) => [t.code, t.title] as [string, string]);
  const rows = [0, 1, 2].map((i) => h("fieldset", { class: "row-group" },
    h("legend", null, `Fokusområde ${i + 1}${i > 0 ? " (valgfrit)" : ""}`),
    selectField(`focus_areas[${i}].theme_code`, "Politisk tema", [["", "Vælg tema"], ...themes], loop.focusAreas[i]?.themeCode ?? ""),
    field({ path: `focus_areas[${i}].title`, label: "Titel", value: loop.focusAreas[i]?.title ?? "" }),
    field({ path: `focus_areas[${i}].description`, label: "Beskrivelse (valgfri)", type: "textarea", rows: 2, value: loop.focusAreas[i]?.description ?? "" })));
  const form = h("form", { novalidate: true }, summary, rows, h("button", { type: "submit" }, "Gem fokusområderne"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const focusAreas = [0, 1, 2].map((i) => ({
      themeCode: text(form, `focus_areas[${i}].theme_code`), title: text(form, `focus_areas[${i}].title`), description: text(form, `focus_areas[${i}].description`),
    })).filter((f, i) => i === 0 || f.themeCode || f.title);
    const chosen = await submitting(form, summary, (p) => p.replace(/focus_areas\[(\d+)\]\.?/, (_, n) => `Fokusområde ${Number(n) + 1} `).replace("theme_code", "tema").replace("title", "titel"),
      () => api.loops.chooseFocusAreas({ name: loop.name, focusAreas, requestId: requestId() }));
    if (chosen) { announce(`Fokusområderne er gemt (version ${chosen.version}).`); done(); }
  });
  return section("Lokale fokusområder", h("p", null, "Vælg enhedens lokale fokusområder inden for de politiske temaer (1-5)."), form);
}

export const conversationPage: Page = {
  title: "Læringssamtale",
  async render(main, [unitId, period], session) {
    const name = `units/${unitId}/loop/conversations/${period}`;
    const load = async (message?: string) => {
      let conversation: Conversation;
      let agenda: ConversationAgenda;
      let loop: Loop;
      try {
        [conversation, agenda, loop] = await Promise.all([
          api.loops.getConversation({ name }), api.loops.getConversationAgenda({ name }), api.loops.getLoop({ name: `units/${unitId}/loop` })]);
      } catch (error) {
        replace(main, h("h1", null, "Læringssamtale"), h("p", { class: "error" }, errorText(error)));
        return;
      }
      const first = conversation.number === 1;
      const held = conversation.status === ConversationStatus.HELD;
      const current = conversation.records.at(-1);
      const reload = (text: string) => { void load(text).then(() => announce(text)); };
      replace(main,
        h("h1", null, `Læringssamtale nr. ${conversation.number}, ${periodText(conversation.period)}`),
        message ? h("p", { class: "notice", role: "status" }, message) : null,
        h("dl", { class: "facts" },
          h("dt", null, "Vindue"), h("dd", null, `${dayText(conversation.windowOpen)} – ${dayText(conversation.windowClose)}`),
          h("dt", null, "Datapakke udgivet"), h("dd", null, dayText(conversation.dataRelease)),
          h("dt", null, "Planlagt til"), h("dd", null, timeText(conversation.scheduledFor)),
          h("dt", null, "Afholdt"), h("dd", null, held ? `${timeText(conversation.held?.time)} (${actorText(conversation.held?.actor)})` : "Nej"),
          h("dt", null, "Frist for referat"), h("dd", null, dayText(conversation.minutesDue))),
        !held && session.role !== "operations"
          ? timeForm(conversation.scheduledFor ? "Flyt samtalen" : "Planlæg samtalen", "Tidspunkt for samtalen", "Planlæg", "scheduled_for", "", (at) =>
            api.loops.scheduleConversation({ name, scheduledFor: timestampOfInput(at), requestId: requestId() }).then(() => reload("Samtalen er planlagt.")))
          : null,
        conversation.status === ConversationStatus.SCHEDULED
          ? timeForm("Registrér at samtalen er holdt", "Afholdt tidspunkt", "Registrér som afholdt", "held_at", localInputValue(now()), (at) =>
            api.loops.holdConversation({ name, heldAt: timestampOfInput(at), requestId: requestId() }).then(() => reload("Samtalen er registreret som afholdt.")))
          : null,
        agendaView(agenda),
        held && !current ? recordForm(name, agenda, first, () => reload("Referatet er gemt.")) : null,
        current ? recordView(current) : null,
        first && held && loop.themes.length ? focusAreaForm(loop, () => reload("Fokusområderne er gemt.")) : null,
        h("p", null, h("a", { href: `#/enhed/${unitId}` }, "Tilbage til enhedens loop")));
    };
    await load();
  },
};
