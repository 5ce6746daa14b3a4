// A unit's data package: indicators grouped by quality kind; values of too small groups shown as suppressed.
import { api, errorText } from "../api";
import type { Page } from "../app";
import { h, replace } from "../dom";
import { QualityKind } from "../gen/tilsyn/v1/common_pb";
import type { UnitDataPackage } from "../gen/tilsyn/v1/data_packages_pb";
import { periodText, qualityText } from "../text";

const number = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });

function indicators(pkg: UnitDataPackage, names: Map<string, string>): HTMLElement[] {
  const kinds = [QualityKind.STRUCTURAL, QualityKind.PROCESS, QualityKind.OUTCOME, QualityKind.UNSPECIFIED];
  return kinds.flatMap((kind) => {
    const rows = pkg.indicators.filter((i) => i.qualityKind === kind);
    if (rows.length === 0) return [];
    const id = `kind-${kind}`;
    return [h("section", { "aria-labelledby": id },
      h("h2", { id }, qualityText[kind]),
      h("div", { class: "table-scroll" }, h("table", null,
        h("caption", { class: "visually-hidden" }, `${qualityText[kind]}, ${periodText(pkg.period)}`),
        h("thead", null, h("tr", null, ["Indikator", "Enhed / afdeling", "Værdi", "Gruppestørrelse"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", null, rows.map((i) => h("tr", { class: i.suppressed ? "suppressed" : "" },
          h("th", { scope: "row" }, i.indicator),
          h("td", null, names.get(i.targetId) ?? i.targetId),
          i.suppressed
            ? h("td", { colspan: 2 }, h("span", { class: "badge badge-suppressed" }, "Skjult"),
              ` Gruppen er under ${pkg.minimumGroupSize}, så værdien vises ikke.`)
            : [h("td", { class: "num" }, number.format(Number(i.value))), h("td", { class: "num" }, String(i.groupSize ?? "–"))]))))))];
  });
}

export const dataPackagePage: Page = {
  title: "Datapakke",
  async render(main, [unitId, period]) {
    const parent = `units/${unitId}`;
    try {
      const [unit, list] = await Promise.all([api.units.getUnit({ name: parent }), api.dataPackages.listUnitDataPackages({ parent })]);
      const names = new Map<string, string>([[unit.name.replace("units/", ""), unit.displayName], ...unit.subUnits.map((s) => [s.subUnitId, s.displayName] as [string, string])]);
      const chosen = period ?? list.dataPackages[0]?.period;
      const heading = h("h1", null, `Datapakke for ${unit.displayName}`);
      if (!chosen) {
        replace(main, heading, h("p", null, "Der er ikke udgivet nogen datapakke for enheden endnu."));
        return;
      }
      const pkg = await api.dataPackages.getUnitDataPackage({ name: `${parent}/dataPackages/${chosen}` });
      const suppressed = pkg.indicators.filter((i) => i.suppressed).length;
      replace(main,
        heading,
        h("nav", { "aria-label": "Datapakker", class: "subnav" }, h("ul", null, list.dataPackages.map((p) =>
          h("li", null, h("a", { href: `#/enhed/${unitId}/datapakke/${p.period}`, "aria-current": p.period === chosen ? "page" : null }, periodText(p.period)))))),
        h("p", null, `Datapakken for ${periodText(pkg.period)}, version ${pkg.version}. Indikatorerne er mærket strukturel, proces- eller resultatkvalitet. `,
          suppressed > 0 ? `${suppressed} værdier er skjult, fordi grupperne er mindre end ${pkg.minimumGroupSize}.` : "Ingen værdier er skjult."),
        indicators(pkg, names),
        h("p", null, h("a", { href: `#/enhed/${unitId}` }, "Tilbage til enhedens loop")));
    } catch (error) {
      replace(main, h("h1", null, "Datapakke"), h("p", { class: "error" }, errorText(error)));
    }
  },
};
