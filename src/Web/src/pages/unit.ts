// A unit's loop: status, conversations, 1:1s, board reports and the timeline of every dated occurrence.
import { api, errorText } from "../api";
import type { Page } from "../app";
import { h, replace } from "../dom";
import { section } from "../forms";
import { ConversationHolder, ConversationStatus, TimelineEntryState, type Loop } from "../gen/tilsyn/v1/loops_pb";
import type { Unit } from "../gen/tilsyn/v1/units_pb";
import { linkOf } from "../links";
import type { Session } from "../session";
import {
  boardReportStatusText, conversationStatusText, dayText, oneToOneStatusText, periodText, sectorText, timeText,
  timelineKindText, timelineStateText,
} from "../text";

function facts(unit: Unit, loop: Loop): HTMLElement {
  const row = (term: string, ...value: (string | Node)[]) => [h("dt", null, term), h("dd", null, ...value)];
  return h("dl", { class: "facts" },
    row("Sektor", sectorText[unit.sector] + (unit.selfOwned ? " (selvejende)" : "") + (unit.special ? " (specialområdet)" : "")),
    row("Loop", `${loop.loopId}: ${dayText(loop.treatment)} – ${dayText(loop.loopEnd)}`),
    row("Læringssamtaler holdes af", loop.holder === ConversationHolder.BOARD ? "Bestyrelsen" : "Børn og Unge-chefen"),
    row("Politiske temaer", loop.themes.length ? loop.themes.map((t) => t.title).join(", ") : "Ikke fastsat endnu"),
    row("Lokale fokusområder", loop.focusAreas.length ? loop.focusAreas.map((f) => f.title).join(", ") : "Ikke valgt endnu"),
    row("Opsamling", loop.opsamlingSubmitted ? "Indsendt" : `Frist ${dayText(loop.opsamlingDue)}`));
}

function health(loop: Loop): HTMLElement {
  const c = loop.health;
  if (!c) return h("p", null, "–");
  const cell = (label: string, value: number, warn = false) =>
    h("div", { class: `stat ${warn && value > 0 ? "warn" : ""}` }, h("span", { class: "stat-value" }, String(value)), h("span", { class: "stat-label" }, label));
  return h("div", { class: "stats" },
    cell("samtaler afholdt", c.conversationsHeld),
    cell("samtaler overskredet", c.conversationsOverdue, true),
    cell("1:1 afholdt", c.oneToOnesHeld),
    cell("1:1 overskredet", c.oneToOnesOverdue, true),
    cell("åbne opgaver", c.openTasks),
    cell("opgaver overskredet", c.overdueTasks, true),
    cell("åbne aftaler", c.openAgreements),
    cell("aftaler over frist", c.agreementsPastDue, true));
}

function conversations(loop: Loop, unitId: string, session: Session): HTMLElement {
  const action = session.role === "board" && loop.holder !== ConversationHolder.BOARD ? "Udtalelse" : "Forbered, hold og skriv referat";
  return h("table", null,
    h("caption", null, "De fire læringssamtaler i loopet"),
    h("thead", null, h("tr", null, ["Nr.", "Periode", "Datapakke", "Vindue", "Status", "Referat", ""].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, loop.conversations.map((c) => h("tr", null,
      h("td", { class: "num" }, String(c.number)),
      h("th", { scope: "row" }, periodText(c.period)),
      h("td", null, dayText(c.dataRelease)),
      h("td", null, `${dayText(c.windowOpen)} – ${dayText(c.windowClose)}`),
      h("td", null, conversationStatusText[c.status], c.status === ConversationStatus.SCHEDULED ? ` ${timeText(c.scheduledFor)}` : ""),
      h("td", null, c.recordVersion > 0 ? `Version ${c.recordVersion}` : "–"),
      h("td", null, session.role === "board" && loop.holder !== ConversationHolder.BOARD
        ? h("a", { href: `#/enhed/${unitId}/udtalelser` }, action, h("span", { class: "visually-hidden" }, ` til samtale ${c.number}`))
        : h("a", { href: `#/enhed/${unitId}/samtale/${c.period}` }, action, h("span", { class: "visually-hidden" }, ` (samtale ${c.number})`)))))));
}

export const unitPage: Page = {
  title: "Enhedens loop",
  async render(main, [unitId], session) {
    const name = `units/${unitId}`;
    let unit: Unit;
    let loop: Loop;
    try {
      [unit, loop] = await Promise.all([api.units.getUnit({ name }), api.loops.getLoop({ name: `${name}/loop` })]);
    } catch (error) {
      replace(main, h("h1", null, "Enhedens loop"), h("p", { class: "error" }, errorText(error)));
      return;
    }
    document.title = `${unit.displayName} – Tilsyn`;
    let timeline: HTMLElement;
    try {
      const t = await api.loops.getLoopTimeline({ name: `${name}/loop` });
      timeline = h("table", null,
        h("caption", null, `Tidslinje for loop ${t.loopId}`),
        h("thead", null, h("tr", null, ["Dato", "Hvad", "Status"].map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", null, t.entries.map((e) => {
          const link = e.resource ? linkOf(e.resource) : null;
          return h("tr", { class: `state-${TimelineEntryState[e.state].toLowerCase()}` },
            h("td", null, dayText(e.date)),
            h("td", null, link ? h("a", { href: link }, timelineKindText[e.kind] || e.title) : timelineKindText[e.kind] || e.title,
              e.title && timelineKindText[e.kind] ? h("span", { class: "muted" }, ` (${e.title})`) : null),
            h("td", null, h("span", { class: `badge badge-${TimelineEntryState[e.state].toLowerCase()}` }, timelineStateText[e.state])));
        })));
    } catch (error) {
      timeline = h("p", { class: "error" }, errorText(error));
    }
    const canSeeMeetings = session.role !== "board" || loop.holder === ConversationHolder.BOARD;
    replace(main,
      h("h1", null, unit.displayName),
      h("nav", { "aria-label": "Enhedens sider", class: "subnav" }, h("ul", null,
        h("li", null, h("a", { href: `#/enhed/${unitId}/datapakke` }, "Datapakke")),
        canSeeMeetings ? h("li", null, h("a", { href: `#/enhed/${unitId}/aftaler` }, "Aftaler")) : null,
        session.role !== "chief" ? h("li", null, h("a", { href: `#/enhed/${unitId}/udtalelser` }, "Bestyrelsens udtalelser")) : null,
        unit.selfOwned ? h("li", null, h("a", { href: `#/enhed/${unitId}/tilsyn` }, "Tilsynsrapport")) : null)),
      section("Status", facts(unit, loop), health(loop)),
      section("Læringssamtaler", h("div", { class: "table-scroll" }, conversations(loop, unitId!, session))),
      loop.oneToOnes.length && session.role !== "board" ? section("1:1-ledelsesopfølgninger", h("ul", { class: "plain" }, loop.oneToOnes.map((o) =>
        h("li", null, h("a", { href: `#/enhed/${unitId}/1til1/${o.name.split("/").pop()}` }, `1:1 nr. ${o.ordinal} efter samtalen ${periodText(o.afterPeriod)}`),
          `: frist ${dayText(o.due)}, ${oneToOneStatusText[o.status]}${o.overdue ? " (overskredet)" : ""}`)))) : null,
      loop.boardReports.length ? section("Bestyrelsens tilsynsrapporter", h("ul", { class: "plain" }, loop.boardReports.map((r) =>
        h("li", null, h("a", { href: `#/enhed/${unitId}/tilsyn/${r.year}` }, `Tilsynsrapport ${r.year}`), `: frist ${dayText(r.due)}, ${boardReportStatusText[r.status]}`)))) : null,
      section("Tidslinje", h("div", { class: "table-scroll" }, timeline)));
  },
};
