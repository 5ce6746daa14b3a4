// A 1:1 ledelsesopfølgning: the common agenda, the unit's place in the data wheel, open agreements,
// scheduling, holding and the record (its agreements enter the ledger).
import { api, errorText, requestId } from "../api";
import { announce, now, type Page } from "../app";
import { h, replace } from "../dom";
import { errorSummary, field, lines, section, submitting, text } from "../forms";
import { OneToOneStatus } from "../gen/tilsyn/v1/loops_pb";
import { dayText, oneToOneStatusText, periodText, timeText } from "../text";
import { dayOfInput, localInputValue, timestampOfInput } from "../time";

export const oneToOnePage: Page = {
  title: "1:1-ledelsesopfølgning",
  roles: ["chief", "leader"],
  async render(main, [unitId, id]) {
    const name = `units/${unitId}/loop/oneToOnes/${id}`;
    const load = async (message?: string) => {
      try {
        const [o, agenda] = await Promise.all([api.loops.getOneToOne({ name }), api.loops.getOneToOneAgenda({ name })]);
        const reload = (t: string) => void load(t).then(() => announce(t));
        const timeForm = (path: string, label: string, button: string, value: string, act: (v: string) => Promise<unknown>) => {
          const summary = errorSummary();
          const f = h("form", { class: "inline-form", novalidate: true }, summary, field({ path, label, type: "datetime-local", value, required: true }), h("button", { type: "submit" }, button));
          f.addEventListener("submit", async (e) => { e.preventDefault(); await submitting(f, summary, () => label, () => act(text(f, path))); });
          return f;
        };
        const summary = errorSummary();
        const record = h("form", { novalidate: true }, summary,
          field({ path: "record.summary", label: "Resumé af opfølgningen", type: "textarea", required: true }),
          field({ path: "record.decisions", label: "Ledelsesbeslutninger", hint: "Én pr. linje.", type: "textarea", rows: 3 }),
          field({ path: "record.agreements[0].action", label: "Ny aftale: handling (valgfri)", type: "textarea", rows: 2 }),
          field({ path: "record.agreements[0].owner", label: "Ny aftale: ansvarlig" }),
          field({ path: "record.agreements[0].due", label: "Ny aftale: frist", type: "date" }),
          h("button", { type: "submit" }, "Gem referatet"));
        record.addEventListener("submit", async (e) => {
          e.preventDefault();
          const action = text(record, "record.agreements[0].action");
          const agreements = action ? [{ action, owner: text(record, "record.agreements[0].owner"), due: dayOfInput(text(record, "record.agreements[0].due")) }] : [];
          const saved = await submitting(record, summary, (p) => p.replace("record.", ""), () =>
            api.loops.recordOneToOne({ name, record: { summary: text(record, "record.summary"), decisions: lines(record, "record.decisions"), agreements }, requestId: requestId() }));
          if (saved) reload("Referatet er gemt.");
        });
        const wheel = agenda.dataWheel;
        replace(main,
          h("h1", null, `1:1 nr. ${o.ordinal} efter samtalen ${periodText(o.afterPeriod)}`),
          message ? h("p", { class: "notice", role: "status" }, message) : null,
          h("p", null, `Frist ${dayText(o.due)}. ${oneToOneStatusText[o.status]}${o.overdue ? " (overskredet)" : ""}. Planlagt: ${timeText(o.scheduledFor)}.`),
          section("Fælles dagsorden", h("ol", null, agenda.commonItems.map((i) => h("li", null, i))),
            h("p", null, `Datahjulet: seneste datapakke ${wheel?.latestReleasePeriod ? periodText(wheel.latestReleasePeriod) : "–"}; næste samtale ${wheel?.nextConversationPeriod ? `${periodText(wheel.nextConversationPeriod)} (${dayText(wheel.nextWindowOpen)} – ${dayText(wheel.nextWindowClose)})` : "–"}.`),
            h("h3", null, "Åbne aftaler"),
            agenda.openAgreements.length ? h("ul", null, agenda.openAgreements.map((a) => h("li", null, `${a.action} (${a.owner}, frist ${dayText(a.due)})`))) : h("p", null, "Ingen.")),
          o.status !== OneToOneStatus.HELD ? section("Planlæg", timeForm("scheduled_for", "Tidspunkt", "Planlæg", "", (v) =>
            api.loops.scheduleOneToOne({ name, scheduledFor: timestampOfInput(v), requestId: requestId() }).then(() => reload("1:1 er planlagt.")))) : null,
          o.status !== OneToOneStatus.HELD ? section("Registrér som afholdt", timeForm("held_at", "Afholdt tidspunkt", "Registrér", localInputValue(now()), (v) =>
            api.loops.holdOneToOne({ name, heldAt: timestampOfInput(v), requestId: requestId() }).then(() => reload("1:1 er registreret som afholdt.")))) : null,
          o.status === OneToOneStatus.HELD && !o.record ? section("Referat", record) : null,
          o.record?.content ? section("Referat", h("p", null, o.record.content.summary), h("ul", null, o.record.content.decisions.map((d) => h("li", null, d)))) : null,
          h("p", null, h("a", { href: `#/enhed/${unitId}` }, "Tilbage til enhedens loop")));
      } catch (error) {
        replace(main, h("h1", null, "1:1-ledelsesopfølgning"), h("p", { class: "error" }, errorText(error)));
      }
    };
    await load();
  },
};
