// A self-owned daycare board's written supervision report on the administration's template: the board
// drafts (saved versions; it resumes where it left off), submits (every missing answer shown at once),
// gets a receipt and a printable copy. The chief reads the submitted report and reviews it.
import { create } from "@bufbuild/protobuf";
import { ConnectError, Code } from "@connectrpc/connect";
import { api, errorText, requestId } from "../api";
import { announce, now, type Page } from "../app";
import { fieldId, h, replace, uniqueId } from "../dom";
import { choiceGroup, errorSummary, field, lines, section, showMessage, submitting, text, values } from "../forms";
import { AnswerSchema, type Answer, type Receipt, type ReportTemplate, type TemplateQuestion, type WrittenReport } from "../gen/tilsyn/v1/reports_pb";
import { actorText, boardReportStatusText, dayText, timeText } from "../text";
import { localInputValue, timestampOfInput } from "../time";

const caseStageText: Record<string, string> = {
  AwaitingReview: "Afventer chefens vurdering", Accepted: "Godkendt", FollowUpRequired: "Opfølgningsmøde påkrævet",
  MeetingScheduled: "Opfølgningsmøde planlagt", MeetingHeld: "Opfølgningsmøde afholdt", Closed: "Afsluttet",
};

const questionPath = (section: string, question: string) => `sections[${section}].questions[${question}]`;

function explanationHint(q: TemplateQuestion): string {
  switch (q.explanation) {
    case "WhenYes": return "Forklar, hvis du svarer ja.";
    case "Always": return "Skal altid forklares.";
    case "Optional": return "Valgfri forklaring.";
    default: return "Forklar, hvis du svarer nej.";
  }
}

function questionField(sectionId: string, q: TemplateQuestion, answer: Answer | undefined): HTMLElement {
  const path = questionPath(sectionId, q.id);
  const label = `${q.text}${q.optional ? " (valgfri)" : ""}`;
  switch (q.kind) {
    case "YesNo":
      return h("div", { class: "question" },
        choiceGroup(path, label, "radio", [["yes", "Ja"], ["no", "Nej"]], answer?.yes === undefined ? [] : [answer.yes ? "yes" : "no"]),
        field({ path: `${path}.explanation`, label: "Forklaring", type: "textarea", rows: 2, hint: explanationHint(q), value: answer?.explanation ?? "" }));
    case "Choice":
      return choiceGroup(path, label, "radio", q.options.map((o) => [o.id, o.label] as [string, string]), answer?.choice ? [answer.choice] : []);
    case "Attachment":
      return field({ path, label, hint: "Henvisning til dokumentet, fx dets titel og dato eller journalnummer.", value: answer?.attachment ?? "" });
    default:
      return field({ path, label, type: "textarea", rows: 4, value: answer?.text ?? "" });
  }
}

function readAnswers(form: HTMLFormElement, template: ReportTemplate): Answer[] {
  const answers: Answer[] = [];
  for (const s of template.sections) {
    for (const q of s.questions) {
      const path = questionPath(s.id, q.id);
      const answer = create(AnswerSchema, { question: q.id });
      if (q.kind === "YesNo") {
        const choice = values(form, path)[0];
        if (choice) answer.yes = choice === "yes";
        const explanation = text(form, `${path}.explanation`);
        if (explanation) answer.explanation = explanation;
      } else if (q.kind === "Choice") {
        const choice = values(form, path)[0];
        if (choice) answer.choice = choice;
      } else if (q.kind === "Attachment") {
        const value = text(form, path);
        if (value) answer.attachment = value;
      } else {
        const value = text(form, path);
        if (value) answer.text = value;
      }
      if (answer.yes !== undefined || answer.text || answer.choice || answer.attachment || answer.explanation) answers.push(answer);
    }
  }
  return answers;
}

function labelFor(template: ReportTemplate): (path: string) => string {
  return (path) => {
    const m = /^sections\[([^\]]+)\]\.questions\[([^\]]+)\](\.explanation)?/.exec(path);
    if (!m) return path;
    const s = template.sections.find((x) => x.id === m[1]);
    const q = s?.questions.find((x) => x.id === m[2]);
    return `${s?.title ?? m[1]}, ${q?.text ?? m[2]}${m[3] ? " (forklaring)" : ""}`;
  };
}

function receiptView(receipt: Receipt, unitId: string, year: string): HTMLElement {
  return h("section", { class: "receipt", "aria-labelledby": "receipt-heading" },
    h("h2", { id: "receipt-heading" }, "Kvittering"),
    h("dl", { class: "facts" },
      h("dt", null, "Rapport"), h("dd", null, receipt.reportId),
      h("dt", null, "Version"), h("dd", null, String(receipt.version)),
      h("dt", null, "Indsendt"), h("dd", null, timeText(receipt.submittedAt)),
      h("dt", null, "Indsendt af"), h("dd", null, actorText(receipt.submittedBy)),
      h("dt", null, "Skabelon"), h("dd", null, `${receipt.templateId}, version ${receipt.templateVersion}`),
      h("dt", null, "Kontrolsum (SHA-256)"), h("dd", { class: "hash" }, receipt.contentHash)),
    h("p", null, h("a", { href: `#/enhed/${unitId}/tilsyn/${year}/udskrift` }, "Se den udskriftsvenlige kopi")));
}

function answeredView(report: WrittenReport, template: ReportTemplate): HTMLElement {
  const answers = report.submissions.at(-1)?.answers ?? report.answers;
  return section("Indsendte svar", template.sections.map((s) => h("section", { class: "card" },
    h("h3", null, s.title),
    h("dl", null, s.questions.flatMap((q) => {
      const a = answers.find((x) => x.question === q.id);
      const value = !a ? "Ikke besvaret" : a.yes !== undefined ? (a.yes ? "Ja" : "Nej") : a.choice ? q.options.find((o) => o.id === a.choice)?.label ?? a.choice : a.text ?? a.attachment ?? "";
      return [h("dt", null, q.text), h("dd", null, value, a?.explanation ? ` – ${a.explanation}` : "")];
    })))));
}

function reviewForm(unitId: string, year: number, reload: (message: string) => void): HTMLElement {
  const summary = errorSummary();
  const form = h("form", { novalidate: true }, summary,
    choiceGroup("decision", "Vurdering", "radio", [["Accept", "Godkend rapporten"], ["FollowUpMeeting", "Data kalder på et opfølgningsmøde med bestyrelsen"]], ["Accept"]),
    field({ path: "reason", label: "Begrundelse", type: "textarea", rows: 3, hint: "Skal udfyldes ved opfølgningsmøde." }),
    h("button", { type: "submit" }, "Gem vurderingen"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const result = await submitting(form, summary, (p) => (p === "reason" ? "Begrundelse" : "Vurdering"), () =>
      api.reports.reviewReport({ unitId, year, decision: values(form, "decision")[0] ?? "", reason: text(form, "reason"), requestId: requestId() }));
    if (result) reload("Vurderingen er gemt.");
  });
  return section("Chefens opfølgning", form);
}

/** The chief's next steps after asking for a follow-up meeting: schedule it, record it, close the case. */
function followUpForms(unitId: string, year: number, stage: string, reload: (message: string) => void): HTMLElement | null {
  const label = (p: string) => ({ at: "Tidspunkt", held_at: "Afholdt", notes: "Referat", attendees: "Deltagere", conclusion: "Konklusion" }[p] ?? p);
  const step = (title: string, fields: HTMLElement[], button: string, act: (form: HTMLFormElement) => Promise<unknown>, done: string) => {
    const summary = errorSummary();
    const form = h("form", { novalidate: true }, summary, fields, h("button", { type: "submit" }, button));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (await submitting(form, summary, label, () => act(form))) reload(done);
    });
    return section(title, form);
  };
  const schedule = () => step(stage === "MeetingScheduled" ? "Flyt mødet med bestyrelsen" : "Planlæg mødet med bestyrelsen",
    [field({ path: "at", label: "Tidspunkt for mødet", type: "datetime-local", required: true })], "Planlæg mødet",
    (f) => api.reports.scheduleFollowUpMeeting({ unitId, year, at: timestampOfInput(text(f, "at")), requestId: requestId() }), "Mødet er planlagt.");
  const record = () => step("Registrér mødet med bestyrelsen", [
    field({ path: "held_at", label: "Mødet blev holdt", type: "datetime-local", value: localInputValue(now()), required: true }),
    field({ path: "notes", label: "Referat af mødet", type: "textarea", required: true }),
    field({ path: "attendees", label: "Deltagere (funktion, ikke navn)", type: "textarea", rows: 3, hint: "Én pr. linje, fx Bestyrelsesformand." }),
  ], "Registrér mødet", (f) => api.reports.recordFollowUpMeeting({
    unitId, year, heldAt: timestampOfInput(text(f, "held_at")), notes: text(f, "notes"), attendees: lines(f, "attendees"), requestId: requestId(),
  }), "Mødet er registreret.");
  const close = () => step("Afslut sagen", [field({ path: "conclusion", label: "Konklusion", type: "textarea" })], "Afslut sagen",
    (f) => api.reports.closeCase({ unitId, year, conclusion: text(f, "conclusion"), requestId: requestId() }), "Sagen er afsluttet.");
  switch (stage) {
    case "FollowUpRequired":
    case "MeetingScheduled": return h("div", null, schedule(), record());
    case "MeetingHeld": return close();
    default: return null;
  }
}

async function boardEditor(main: HTMLElement, unitId: string, year: string, message?: string): Promise<void> {
  const reportId = `${unitId}/tilsyn/${year}`;
  const report = await api.reports.startReport({ reportId, requestId: requestId() });
  const template = await api.reports.getTemplate({ templateId: report.templateId, version: report.templateVersion });
  const again = (text: string) => { void boardEditor(main, unitId, year, text).then(() => announce(text)); };
  const heading = h("h1", null, `Tilsynsrapport ${year}`);
  if (report.submissions.length > 0) {
    const receipt = report.submissions.at(-1)!.receipt!;
    replace(main, heading, message ? h("p", { class: "notice", role: "status" }, message) : null,
      h("p", null, "Rapporten er indsendt til Børn og Unge."), receiptView(receipt, unitId, year), answeredView(report, template));
    return;
  }
  const summary = errorSummary();
  let draftVersion = report.draftVersion;
  const lastSave = report.saves.at(-1);
  const status = h("p", { class: "status", role: "status" },
    lastSave ? `Kladde version ${lastSave.version} gemt ${timeText(lastSave.savedAt)} af ${actorText(lastSave.savedBy)}. Du fortsætter, hvor I slap.` : "Ingen kladde gemt endnu.");
  const form = h("form", { novalidate: true, class: "report-form" },
    summary,
    template.sections.map((s) => {
      const id = uniqueId("sec");
      return h("fieldset", { class: "step", "aria-labelledby": id }, h("legend", { id }, s.title), s.questions.map((q) => questionField(s.id, q, report.answers.find((a) => a.question === q.id))));
    }),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", "data-action": "save", onclick: async () => {
        const saved = await submitting(form, summary, labelFor(template), () => api.reports.saveDraft({ reportId, answers: readAnswers(form, template), basedOnVersion: draftVersion, requestId: requestId() }));
        if (saved) {
          draftVersion = saved.draftVersion;
          status.textContent = `Kladde version ${saved.draftVersion} er gemt.`;
          announce(status.textContent);
        }
      } }, "Gem kladde"),
      h("button", { type: "submit" }, "Indsend rapporten")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const receipt = await submitting(form, summary, labelFor(template), async () => {
      const saved = await api.reports.saveDraft({ reportId, answers: readAnswers(form, template), basedOnVersion: draftVersion, requestId: requestId() });
      draftVersion = saved.draftVersion;
      status.textContent = `Kladde version ${saved.draftVersion} er gemt.`;
      return api.reports.submitReport({ reportId, draftVersion, requestId: requestId() });
    });
    if (receipt) again("Rapporten er indsendt. Her er kvitteringen.");
  });
  replace(main, heading,
    message ? h("p", { class: "notice", role: "status" }, message) : null,
    h("p", null, `${template.title}. Svar på alle spørgsmål i de tre dele. Du kan gemme en kladde og fortsætte senere; ved indsendelse vises alle manglende svar på én gang.`),
    status, form);
}

async function readerView(main: HTMLElement, unitId: string, year: string, canReview: boolean, message?: string): Promise<void> {
  const reportId = `${unitId}/tilsyn/${year}`;
  const loop = await api.loops.getLoop({ name: `units/${unitId}/loop` });
  const entry = loop.boardReports.find((r) => String(r.year) === year);
  const heading = h("h1", null, `Tilsynsrapport ${year}`);
  const facts = h("p", null, entry ? `Frist ${dayText(entry.due)}: ${boardReportStatusText[entry.status]}.` : "");
  let report: WrittenReport;
  try {
    report = await api.reports.getReport({ reportId });
  } catch (error) {
    const notYet = error instanceof ConnectError && (error.code === Code.NotFound || error.code === Code.PermissionDenied || error.code === Code.FailedPrecondition);
    replace(main, heading, facts, h("p", null, notYet ? "Bestyrelsen har ikke indsendt rapporten endnu." : errorText(error)));
    return;
  }
  const template = await api.reports.getTemplate({ templateId: report.templateId, version: report.templateVersion });
  const receipt = report.submissions.at(-1)?.receipt;
  const kase = canReview && receipt ? await api.reports.getCase({ unitId, year: Number(year) }).catch(() => null) : null;
  replace(main, heading, message ? h("p", { class: "notice", role: "status" }, message) : null, facts,
    receipt ? receiptView(receipt, unitId, year) : h("p", null, "Bestyrelsen har ikke indsendt rapporten endnu."),
    receipt ? answeredView(report, template) : null,
    kase ? h("p", null, `Sagens status: ${caseStageText[kase.stage] ?? kase.stage}${kase.reason ? ` – ${kase.reason}` : ""}`) : null,
    kase && kase.stage === "AwaitingReview" ? reviewForm(unitId, Number(year), (text) => void readerView(main, unitId, year, canReview, text)) : null,
    kase ? followUpForms(unitId, Number(year), kase.stage, (text) => void readerView(main, unitId, year, canReview, text)) : null);
}

export const supervisionPage: Page = {
  title: "Tilsynsrapport",
  async render(main, [unitId, year], session) {
    try {
      if (!year) {
        const loop = await api.loops.getLoop({ name: `units/${unitId}/loop` });
        replace(main, h("h1", null, "Tilsynsrapporter"),
          loop.boardReports.length === 0 ? h("p", null, "Enheden er ikke selvejende og afgiver ikke skriftlig tilsynsrapport.") :
            h("ul", { class: "plain" }, loop.boardReports.map((r) => h("li", null,
              h("a", { href: `#/enhed/${unitId}/tilsyn/${r.year}` }, `Tilsynsrapport ${r.year}`), `: frist ${dayText(r.due)}, ${boardReportStatusText[r.status]}`))));
        return;
      }
      if (session.role === "board") await boardEditor(main, unitId!, year);
      else await readerView(main, unitId!, year, session.role === "chief");
    } catch (error) {
      replace(main, h("h1", null, `Tilsynsrapport ${year ?? ""}`), h("div", { class: "error-summary", tabindex: -1 }));
      showMessage(main.querySelector<HTMLElement>(".error-summary")!, errorText(error));
    }
  },
};

export const printablePage: Page = {
  title: "Udskriftsvenlig tilsynsrapport",
  async render(main, [unitId, year], session) {
    const response = await fetch(`/reports/${encodeURIComponent(unitId!)}/${encodeURIComponent(year!)}/print`, { headers: { authorization: `Bearer ${session.token}` } });
    if (!response.ok) {
      replace(main, h("h1", null, "Udskriftsvenlig tilsynsrapport"), h("p", { class: "error" }, `Kopien kunne ikke hentes (${response.status}): ${await response.text()}`));
      return;
    }
    const url = URL.createObjectURL(new Blob([await response.text()], { type: "text/html" }));
    const frame = h("iframe", { src: url, title: `Tilsynsrapport ${year}, udskriftsvenlig kopi`, class: "printable", id: fieldId("printable") });
    replace(main,
      h("h1", null, `Tilsynsrapport ${year}, udskriftsvenlig kopi`),
      h("div", { class: "actions" },
        h("button", { type: "button", onclick: () => frame.contentWindow?.print() }, "Udskriv"),
        h("a", { href: url, download: `tilsynsrapport-${unitId}-${year}.html`, class: "button secondary" }, "Hent som fil")),
      frame,
      h("p", null, h("a", { href: `#/enhed/${unitId}/tilsyn/${year}` }, "Tilbage til rapporten")));
  },
};
