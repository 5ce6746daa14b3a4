// Operations: whether the loops are healthy. Counts only, never meeting content.
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { api, errorText } from "../api";
import type { Page } from "../app";
import { h, replace } from "../dom";
import { choiceGroup } from "../forms";
import type { LoopHealthCounts } from "../gen/tilsyn/v1/common_pb";
import { sectorText } from "../text";

const columns: [keyof LoopHealthCounts, string][] = [
  ["conversationsHeld", "Samtaler afholdt"], ["conversationsOverdue", "Samtaler overskredet"],
  ["oneToOnesHeld", "1:1 afholdt"], ["oneToOnesOverdue", "1:1 overskredet"],
  ["openTasks", "Åbne opgaver"], ["overdueTasks", "Opgaver overskredet"],
  ["boardReportsOverdue", "Tilsynsrapporter overskredet"], ["openAgreements", "Åbne aftaler"], ["agreementsPastDue", "Aftaler over frist"],
];

const cells = (c: LoopHealthCounts | undefined) => columns.map(([k]) => {
  const value = Number(c?.[k] ?? 0);
  return h("td", { class: `num ${String(k).includes("verdue") || String(k).includes("PastDue") ? (value > 0 ? "warn" : "") : ""}` }, String(value));
});

export const healthPage: Page = {
  title: "Loopets sundhed",
  roles: ["operations", "administration"],
  async render(main) {
    try {
      const summary = await api.operations.getLoopHealthSummary({});
      const list = h("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": "Enheder (kan rulles)" });
      const filter = choiceGroup("overdue_only", "Vis", "radio", [["all", "Alle enheder"], ["overdue", "Kun enheder med noget overskredet"]], ["all"]);
      const load = async (overdueOnly: boolean) => {
        const units = await api.operations.listUnitLoopHealth({ pageSize: 500, overdueOnly });
        replace(list, h("table", null, h("caption", null, `${units.totalSize} enheder`),
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "Enhed"), h("th", { scope: "col" }, "Loop"), columns.map(([, t]) => h("th", { scope: "col" }, t)))),
          h("tbody", null, units.units.map((u) => h("tr", null, h("th", { scope: "row" }, u.unit.replace("units/", "")), h("td", null, u.loopId), cells(u.counts))))));
      };
      filter.addEventListener("change", () => void load((filter.querySelector<HTMLInputElement>("input:checked")?.value ?? "all") === "overdue"));
      replace(main,
        h("h1", null, "Loopets sundhed"),
        h("p", null, `Beregnet ${summary.computedAt ? timestampDate(summary.computedAt).toLocaleString("da-DK") : "–"}. ${summary.unitCount} enheder, heraf ${summary.unitsWithOverdue} med noget overskredet. Kun tal – aldrig mødeindhold.`),
        h("div", { class: "table-scroll" }, h("table", null, h("caption", null, "Samlet og pr. sektor"),
          h("thead", null, h("tr", null, h("th", { scope: "col" }, ""), h("th", { scope: "col" }, "Enheder"), columns.map(([, t]) => h("th", { scope: "col" }, t)))),
          h("tbody", null,
            h("tr", { class: "total" }, h("th", { scope: "row" }, "I alt"), h("td", { class: "num" }, String(summary.unitCount)), cells(summary.totals)),
            summary.bySector.map((s) => h("tr", null, h("th", { scope: "row" }, sectorText[s.sector]), h("td", { class: "num" }, String(s.unitCount)), cells(s.counts)))))),
        h("section", { "aria-labelledby": "units-heading" }, h("h2", { id: "units-heading" }, "Pr. enhed"), filter, list));
      await load(false);
    } catch (error) {
      replace(main, h("h1", null, "Loopets sundhed"), h("p", { class: "error" }, errorText(error)));
    }
  },
};
