// Administration: the political themes of a loop, the annual-wheel configuration, and the area overview
// of the units' local focus areas.
import { api, errorText, requestId } from "../api";
import { announce, now, type Page } from "../app";
import { h, replace } from "../dom";
import { errorSummary, field, section, selectField, showErrors, submitting, text } from "../forms";
import type { MonthDay } from "../gen/tilsyn/v1/common_pb";
import type { WheelConfig, WheelVersion } from "../gen/tilsyn/v1/administration_pb";
import { actorText, dayText, sectorText } from "../text";
import { dayOfInput } from "../time";

const areas: [string, string][] = [["0-6", "0-6 år (dagtilbud, ulige år)"], ["6-18", "6-18 år (skole og FU, lige år)"]];

/** The report year of the loop running now in an area: 0-6 in odd years, 6-18 in even years, from 31 March. */
function currentLoopYear(area: string): number {
  const today = now();
  let year = today.getUTCFullYear();
  if (today.getUTCMonth() < 3) year -= 1;
  const odd = area === "0-6";
  return (year % 2 === 1) === odd ? year : year - 1;
}

function loopPicker(onPick: (area: string, year: number) => void, defaultArea = "0-6"): HTMLFormElement {
  const form = h("form", { class: "inline-form", novalidate: true },
    selectField("area", "Aldersområde", areas, defaultArea),
    field({ path: "year", label: "Kvalitetsrapportens år", type: "number", value: String(currentLoopYear(defaultArea)) }),
    h("button", { type: "submit", class: "secondary" }, "Vis"));
  form.addEventListener("submit", (e) => { e.preventDefault(); onPick(text(form, "area"), Number(text(form, "year"))); });
  return form;
}

export const themesPage: Page = {
  title: "Politiske temaer",
  roles: ["administration"],
  render(main) {
    const holder = h("div");
    const show = async (area: string, year: number) => {
      const name = `areas/${area}/loops/${year}/themes`;
      try {
        const set = await api.areas.getThemes({ name });
        const summary = errorSummary();
        const rows = [...set.themes, { code: "", title: "" }, { code: "", title: "" }].map((t, i) => h("fieldset", { class: "row-group" },
          h("legend", null, `Tema ${i + 1}`),
          field({ path: `themes[${i}].code`, label: "Kode", value: t.code, hint: "Kort og stabil, fx SPROG." }),
          field({ path: `themes[${i}].title`, label: "Titel", value: t.title })));
        const form = h("form", { novalidate: true }, summary, rows, h("button", { type: "submit" }, "Gem temaerne"));
        form.addEventListener("submit", async (e) => {
          e.preventDefault();
          const themes = rows.map((_, i) => ({ code: text(form, `themes[${i}].code`), title: text(form, `themes[${i}].title`) })).filter((t) => t.code || t.title);
          const saved = await submitting(form, summary, (p) => p.replace(/themes\[(\d+)\]\.?/, (_, n) => `Tema ${Number(n) + 1} `).replace("code", "kode").replace("title", "titel"), () => api.areas.setThemes({ name, themes, requestId: requestId() }));
          if (saved) { announce(`Temaerne er gemt som version ${saved.version}.`); void show(area, year); }
        });
        replace(holder, section(`Temaer for loop ${set.loopId || `${area}/${year}`}`,
          h("p", null, set.version ? `Version ${set.version}, sat af ${actorText(set.set?.actor)}.` : "Ingen temaer sat endnu."), form));
      } catch (error) {
        replace(holder, h("p", { class: "error" }, errorText(error)));
      }
    };
    replace(main, h("h1", null, "Politiske temaer"),
      h("p", null, "Temaerne for kvalitetsrapporten, som enhederne vælger lokale fokusområder inden for. En ændring når alle enheder i loopet."),
      loopPicker((a, y) => void show(a, y)), holder);
    void show("0-6", currentLoopYear("0-6"));
  },
};

const md = (m: MonthDay | undefined) => (m ? `${m.day}/${m.month}` : "–");
const keys: [string, string][] = ["dagtilbud", "dagtilbud-self-owned", "dagtilbud-special", "skole", "skole-special", "fu", "fu-special"]
  .map((k) => [k, k.replace("dagtilbud", "Dagtilbud").replace("skole", "Skole").replace("fu", "FU").replace("-self-owned", ", selvejende").replace("-special", ", specialområdet")]);

function settingsTable(version: WheelVersion): HTMLElement {
  const s = version.settings!;
  const rows: [string, string][] = [
    ["Byrådet behandler kvalitetsrapporten", md(s.qualityReportTreated)],
    ...s.seasons.map((w) => [`${w.season === 1 ? "Forår" : "Efterår"}: datapakke, vindue`, `${md(w.dataRelease)}; ${md(w.windowOpen)} – ${md(w.windowClose)}`] as [string, string]),
    ["Referat senest (dage efter samtalen)", String(s.minutesDueDays)],
    ["1:1-opfølgninger pr. år", String(s.oneToOnesPerYear)],
    ["Frist for bestyrelsens tilsynsrapport", md(s.boardReportDue)],
    ["Chefens gennemgang (dage)", String(s.chiefReviewDays)],
  ];
  return h("table", null, h("caption", null, `Gældende: version ${version.version}${version.effectiveFrom ? ` fra ${dayText(version.effectiveFrom)}` : ""}`),
    h("tbody", null, rows.map(([k, v]) => h("tr", null, h("th", { scope: "row" }, k), h("td", null, v)))));
}

export const wheelPage: Page = {
  title: "Årshjulets konfiguration",
  roles: ["administration"],
  render(main) {
    const holder = h("div");
    const show = async (key: string, message?: string) => {
      try {
        const config: WheelConfig = await api.administration.getWheelConfig({ name: `wheelConfigs/${key}` });
        const inForce = config.inForce!;
        const summary = errorSummary();
        const form = h("form", { novalidate: true }, summary,
          field({ path: "effective_from", label: "Gælder for loop, der starter fra", type: "date", required: true }),
          field({ path: "settings.minutes_due_days", label: "Referat senest (dage efter samtalen)", type: "number", value: String(inForce.settings?.minutesDueDays ?? 14) }),
          field({ path: "settings.one_to_ones_per_year", label: "1:1-opfølgninger pr. år", type: "number", value: String(inForce.settings?.oneToOnesPerYear ?? 6) }),
          field({ path: "settings.chief_review_days", label: "Chefens gennemgang af tilsynsrapport (dage)", type: "number", value: String(inForce.settings?.chiefReviewDays ?? 30) }),
          field({ path: "reason", label: "Begrundelse for ændringen", type: "textarea", rows: 2, required: true }),
          h("button", { type: "submit" }, "Tilføj version"));
        form.addEventListener("submit", async (e) => {
          e.preventDefault();
          // The day must be readable before the request can be sent; the reason is checked with it so both show at once.
          const local = [
            ...(dayOfInput(text(form, "effective_from")) ? [] : [{ field: "effective_from", description: "skal udfyldes med en gyldig dato" }]),
            ...(text(form, "reason") ? [] : [{ field: "reason", description: "skal udfyldes" }]),
          ];
          if (local.length > 0) { showErrors(form, summary, local, (p) => ({ effective_from: "Gælder fra", reason: "Begrundelse" }[p] ?? p)); return; }
          const settings = { ...inForce.settings!, minutesDueDays: Number(text(form, "settings.minutes_due_days")), oneToOnesPerYear: Number(text(form, "settings.one_to_ones_per_year")), chiefReviewDays: Number(text(form, "settings.chief_review_days")) };
          const added = await submitting(form, summary, (p) => ({ effective_from: "Gælder fra", reason: "Begrundelse" }[p] ?? p), () =>
            api.administration.addWheelVersion({ parent: config.name, effectiveFrom: dayOfInput(text(form, "effective_from")), settings, reason: text(form, "reason"), requestId: requestId() }));
          if (added) { announce(`Version ${added.version} er tilføjet.`); void show(key, `Version ${added.version} er tilføjet.`); }
        });
        replace(holder,
          message ? h("p", { class: "notice", role: "status" }, message) : null,
          section(`${sectorText[config.sector]}${config.selfOwned ? ", selvejende" : ""}${config.special ? ", specialområdet" : ""}`,
            settingsTable(inForce),
            h("h3", null, "Versioner"),
            config.versions.length ? h("ul", null, config.versions.map((v) => h("li", null, `Version ${v.version} fra ${dayText(v.effectiveFrom)}: ${v.reason} (${actorText(v.changed?.actor)})`))) : h("p", null, "Kun den indbyggede standard (version 0).")),
          section("Ny version", h("p", null, "En ny version gælder for loop, der starter fra dagen; kørende loop beholder deres indstillinger."), form));
      } catch (error) {
        replace(holder, h("p", { class: "error" }, errorText(error)));
      }
    };
    const picker = h("form", { class: "inline-form", novalidate: true }, selectField("key", "Konfiguration", keys, "dagtilbud"), h("button", { type: "submit", class: "secondary" }, "Vis"));
    picker.addEventListener("submit", (e) => { e.preventDefault(); void show(text(picker, "key")); });
    replace(main, h("h1", null, "Årshjulets konfiguration"), picker, holder);
    void show("dagtilbud");
  },
};

export const focusOverviewPage: Page = {
  title: "Overblik over fokusområder",
  roles: ["administration"],
  render(main) {
    const holder = h("div");
    const show = async (area: string, year: number) => {
      try {
        const o = await api.areas.getFocusAreaOverview({ name: `areas/${area}/loops/${year}/focusAreaOverview` });
        replace(holder,
          h("p", null, `${o.entries.length} af ${o.unitCount} enheder har valgt fokusområder i loop ${o.loopId}.`),
          h("table", null, h("caption", null, "Enheder pr. tema"),
            h("thead", null, h("tr", null, h("th", { scope: "col" }, "Tema"), h("th", { scope: "col" }, "Enheder"))),
            h("tbody", null, o.unitsPerTheme.map((t) => h("tr", null, h("th", { scope: "row" }, t.themeCode), h("td", { class: "num" }, String(t.unitCount)))))),
          h("div", { class: "table-scroll" }, h("table", null, h("caption", null, "Enhedernes lokale fokusområder"),
            h("thead", null, h("tr", null, ["Enhed", "Sektor", "Fokusområder"].map((t) => h("th", { scope: "col" }, t)))),
            h("tbody", null, o.entries.map((e) => h("tr", null, h("th", { scope: "row" }, e.unitDisplayName), h("td", null, sectorText[e.sector]),
              h("td", null, h("ul", { class: "plain" }, e.focusAreas.map((f) => h("li", null, `${f.title} (${f.themeCode})`))))))))));
      } catch (error) {
        replace(holder, h("p", { class: "error" }, errorText(error)));
      }
    };
    replace(main, h("h1", null, "Overblik over fokusområder"),
      h("p", null, "Oversigten over alle enheders lokale fokusområder til Børn og Unge-udvalget."),
      loopPicker((a, y) => void show(a, y)), holder);
    void show("0-6", currentLoopYear("0-6"));
  },
};
