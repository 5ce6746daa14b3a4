// Administration: import units and data-package releases from CSV, with every row error shown.
import { ConnectError } from "@connectrpc/connect";
import { api, errorText, requestId, violationsOf } from "../api";
import { announce, type Page } from "../app";
import { h, replace } from "../dom";
import { errorSummary, field, section, selectField, showMessage, text } from "../forms";
import type { CsvRowError } from "../gen/tilsyn/v1/common_pb";
import { periodText } from "../text";

function rowErrors(errors: CsvRowError[]): HTMLElement {
  return h("div", { class: "table-scroll" }, h("table", { class: "row-errors" },
    h("caption", null, `${errors.length} fejl i filen`),
    h("thead", null, h("tr", null, ["Linje", "Kolonne", "Fejl"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, errors.map((e) => h("tr", null, h("td", { class: "num" }, String(e.line)), h("td", null, e.column || "hele rækken"), h("td", null, e.message))))));
}

/** Field violations `line {n}: {column}` of a refused import as row errors. */
function rowErrorsOf(error: unknown): CsvRowError[] {
  return violationsOf(error).map((v) => {
    const m = /^line (\d+)(?::\s*(.*))?$/.exec(v.field);
    return { line: m ? Number(m[1]) : 0, column: m?.[2] ?? v.field, message: v.description } as CsvRowError;
  });
}

function csvInput(path: string, label: string, hint: string): HTMLElement {
  const area = field({ path, label, type: "textarea", rows: 10, hint });
  const fileId = `${path}-file`;
  const textarea = area.querySelector("textarea")!;
  area.appendChild(h("div", { class: "file-pick" },
    h("label", { for: fileId }, "…eller vælg en CSV-fil"),
    h("input", { id: fileId, type: "file", accept: ".csv,text/csv", onchange: async (e: Event) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (file) textarea.value = await file.text();
    } })));
  return area;
}

function importForm(title: string, fields: HTMLElement[], run: (form: HTMLFormElement, validateOnly: boolean) => Promise<{ errors: CsvRowError[]; done: string }>): HTMLElement {
  const summary = errorSummary();
  const result = h("div", { class: "import-result", "aria-live": "polite" });
  const form = h("form", { novalidate: true }, summary, fields, h("div", { class: "actions" },
    h("button", { type: "button", class: "secondary", "data-action": "validate", onclick: () => go(true) }, "Kontrollér filen"),
    h("button", { type: "submit" }, "Importér")));
  async function go(validateOnly: boolean): Promise<void> {
    replace(result);
    summary.hidden = true;
    try {
      const { errors, done } = await run(form, validateOnly);
      if (errors.length) {
        replace(result, h("h3", null, "Filen har fejl og er ikke importeret"), rowErrors(errors));
        announce(`Filen har ${errors.length} fejl.`);
      } else {
        replace(result, h("p", { class: "notice" }, done));
        announce(done);
      }
    } catch (error) {
      const errors = error instanceof ConnectError ? rowErrorsOf(error) : [];
      if (errors.length) {
        replace(result, h("h3", null, "Filen har fejl, og intet er importeret"), rowErrors(errors));
        announce(`Filen har ${errors.length} fejl. Intet er importeret.`);
      } else {
        showMessage(summary, errorText(error));
      }
    }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); void go(false); });
  return section(title, form, result);
}

export const importsPage: Page = {
  title: "Import af enheder og datapakker",
  roles: ["administration"],
  render(main) {
    const units = importForm("Importér enheder", [
      csvInput("units_csv", "Enheder (CSV)", "Kolonner: id, name, sector (dagtilbud|skole|fu), chief, leader, board, selfOwned, special, parent. Skilletegn , eller ;. Højst 5.000 rækker og 2 MiB."),
    ], async (form, validateOnly) => {
      const response = await api.units.importUnits({ csvContent: text(form, "units_csv"), validateOnly, requestId: requestId() });
      return {
        errors: response.rowErrors,
        done: validateOnly ? `Filen er i orden: ${response.unitCount} enheder.` : `Importeret: ${response.unitCount} enheder (${response.createdCount} nye, ${response.updatedCount} opdateret).`,
      };
    });
    const sectors: [string, string][] = [["dagtilbud", "Dagtilbud"], ["skole", "Skole"], ["fu", "Fritids- og ungdomsskoletilbud"]];
    const packages = importForm("Udgiv datapakke", [
      selectField("dp_sector", "Sektor", sectors, "dagtilbud"),
      field({ path: "dp_period", label: "Halvår", hint: "Fx 2027-Spring eller 2027-Autumn.", required: true }),
      csvInput("dp_csv", "Datapakke (CSV)", "Kolonner: unit, indicator, quality (structural|process|outcome), value, groupSize. Med ; som skilletegn skrives værdier med decimalkomma (12,5), med , som skilletegn med decimalpunktum (12.5); uden tusindtalsskilletegn og uden %. Højst 50.000 rækker og 3,5 MiB."),
      field({ path: "dp_reason", label: "Begrundelse for rettelse", hint: "Kun når halvårets datapakke er udgivet før." }),
    ], async (form, validateOnly) => {
      const period = text(form, "dp_period");
      const response = await api.dataPackages.importDataPackageRelease({
        parent: `sectors/${text(form, "dp_sector")}`, period, csvContent: text(form, "dp_csv"),
        correctionReason: text(form, "dp_reason"), validateOnly, requestId: requestId(),
      });
      const r = response.release;
      return {
        errors: response.rowErrors,
        done: validateOnly ? "Filen er i orden." : `Datapakken for ${periodText(period)} er udgivet som version ${r?.version}: ${r?.valueCount} værdier for ${r?.unitCount} enheder.`,
      };
    });
    replace(main, h("h1", null, "Import af enheder og datapakker"),
      h("p", null, "Importen er alt eller intet: en fil med fejl ændrer intet. Kontrollér filen først for at se alle fejl."),
      units, packages);
  },
};
