// The unit's agreements ledger: open agreements carry forward until closed.
import { api, errorText, requestId } from "../api";
import { announce, type Page } from "../app";
import { h, replace } from "../dom";
import { errorSummary, field, submitting, text } from "../forms";
import { AgreementStatus, type Agreement } from "../gen/tilsyn/v1/loops_pb";
import { actorText, agreementStatusText, dayText, periodText } from "../text";

function sourceText(agreement: Agreement): string {
  const period = agreement.source.split("/").pop() ?? "";
  return agreement.source.includes("/oneToOnes/") ? `1:1 (${period})` : `Læringssamtale ${periodText(period)}`;
}

function closeForm(agreement: Agreement, index: number, reload: () => void): HTMLElement {
  const summary = errorSummary();
  const form = h("form", { class: "inline-form", novalidate: true },
    summary,
    field({ path: `closing_note_${index}`, label: "Note om hvordan aftalen blev gennemført (valgfri)" }),
    h("button", { type: "submit" }, "Luk aftalen", h("span", { class: "visually-hidden" }, `: ${agreement.action}`)));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const closed = await submitting(form, summary, () => "Aftale", () =>
      api.loops.closeAgreement({ name: agreement.name, closingNote: text(form, `closing_note_${index}`), requestId: requestId() }));
    if (closed) { announce("Aftalen er lukket."); reload(); }
  });
  return form;
}

export const agreementsPage: Page = {
  title: "Aftaler",
  async render(main, [unitId], session) {
    const load = async () => {
      try {
        const list = { agreements: [] as Agreement[] };
        let pageToken = "";
        do {
          const page = await api.loops.listAgreements({ parent: `units/${unitId}`, pageSize: 200, pageToken });
          list.agreements.push(...page.agreements);
          pageToken = page.nextPageToken;
        } while (pageToken);
        const open = list.agreements.filter((a) => a.status === AgreementStatus.OPEN);
        const rest = list.agreements.filter((a) => a.status !== AgreementStatus.OPEN);
        const canClose = session.role === "leader" || session.role === "chief" || session.role === "board";
        replace(main,
          h("h1", null, "Aftaler"),
          h("p", null, "Åbne aftaler føres videre til hver næste 1:1 og læringssamtale, indtil de lukkes."),
          h("section", { "aria-labelledby": "open-heading" },
            h("h2", { id: "open-heading" }, `Åbne aftaler (${open.length})`),
            open.length === 0 ? h("p", null, "Ingen åbne aftaler.") : h("ul", { class: "cards" }, open.map((a, i) => h("li", { class: `card ${a.pastDue ? "overdue" : ""}` },
              h("h3", null, a.action),
              h("p", null, `Ansvarlig: ${a.owner} · Frist ${dayText(a.due)}${a.pastDue ? " · over fristen" : ""}`),
              h("p", { class: "muted" }, `Fra ${sourceText(a)}, oprettet af ${actorText(a.created?.actor)}`),
              canClose ? closeForm(a, i, () => void load()) : null)))),
          h("section", { "aria-labelledby": "closed-heading" },
            h("h2", { id: "closed-heading" }, `Lukkede og tilbagetrukne aftaler (${rest.length})`),
            rest.length === 0 ? h("p", null, "Ingen.") : h("ul", { class: "plain" }, rest.map((a) =>
              h("li", null, `${a.action} – ${agreementStatusText[a.status]} af ${actorText(a.closed?.actor)}${a.closingNote ? `: ${a.closingNote}` : ""}`)))),
          h("p", null, h("a", { href: `#/enhed/${unitId}` }, "Tilbage til enhedens loop")));
      } catch (error) {
        replace(main, h("h1", null, "Aftaler"), h("p", { class: "error" }, errorText(error)));
      }
    };
    await load();
  },
};
