// The chief's portfolio: the annual wheel of every unit's loop, the units in a table, the live inbox.
import { api, errorText } from "../api";
import { now, type Page } from "../app";
import { h, replace } from "../dom";
import { ConversationStatus, type Loop } from "../gen/tilsyn/v1/loops_pb";
import type { Unit } from "../gen/tilsyn/v1/units_pb";
import { liveInbox, type LiveInbox } from "../inbox";
import { conversationStatusText, dayText, periodText, sectorText } from "../text";
import { legend, wheel, type WheelUnit } from "../wheel";

async function loopsOf(units: Unit[]): Promise<WheelUnit[]> {
  const result: WheelUnit[] = [];
  const queue = [...units];
  async function worker(): Promise<void> {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      let loop: Loop | null = null;
      try { loop = await api.loops.getLoop({ name: `${unit.name}/loop` }); } catch { loop = null; }
      result.push({ unit, loop });
    }
  }
  await Promise.all([1, 2, 3, 4].map(worker));
  return result.sort((a, b) => a.unit.name.localeCompare(b.unit.name));
}

function nextConversation(loop: Loop | null) {
  return loop?.conversations.find((c) => c.status === ConversationStatus.PLANNED || c.status === ConversationStatus.SCHEDULED);
}

function overdueCount(loop: Loop | null): number {
  const health = loop?.health;
  return health ? health.conversationsOverdue + health.oneToOnesOverdue + health.overdueTasks + health.boardReportsOverdue : 0;
}

function unitTable(entries: WheelUnit[]): HTMLElement {
  return h("table", null,
    h("caption", null, "Porteføljens enheder og deres sted i loopet (samme rækkefølge som ringene, inderst først)"),
    h("thead", null, h("tr", null,
      ["Enhed", "Sektor", "Loop", "Næste læringssamtale", "Vindue", "Status", "Samtaler afholdt", "Overskredet"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, entries.map(({ unit, loop }) => {
      const next = nextConversation(loop);
      return h("tr", null,
        h("th", { scope: "row" }, h("a", { href: `#/enhed/${unit.name.replace("units/", "")}` }, unit.displayName),
          unit.selfOwned ? h("span", { class: "tag" }, " selvejende") : null),
        h("td", null, sectorText[unit.sector]),
        h("td", null, loop?.loopId ?? "–"),
        h("td", null, next ? `Nr. ${next.number}, ${periodText(next.period)}` : "–"),
        h("td", null, next ? `${dayText(next.windowOpen)} – ${dayText(next.windowClose)}` : "–"),
        h("td", null, next ? conversationStatusText[next.status] : "–"),
        h("td", { class: "num" }, String(loop?.health?.conversationsHeld ?? 0)),
        h("td", { class: "num" }, String(overdueCount(loop))));
    })));
}

let inbox: LiveInbox | null = null;

export const portfolioPage: Page = {
  title: "Portefølje og årshjul",
  roles: ["chief"],
  async render(main, _params, session) {
    const chief = `chiefs/${session.roleId}`;
    inbox = liveInbox(chief);
    let entries: WheelUnit[];
    try {
      const units = await api.units.listUnits({ chief, pageSize: 500 });
      entries = await loopsOf(units.units);
    } catch (error) {
      replace(main, h("h1", null, "Portefølje og årshjul"), h("p", { class: "error" }, errorText(error)), inbox.element);
      return;
    }
    let year = now().getUTCFullYear();
    const wheelHolder = h("div", { class: "wheel-holder" });
    const yearLabel = h("span", { class: "year-label", "aria-live": "polite" });
    const draw = () => {
      replace(wheelHolder, wheel(entries, year, now()));
      yearLabel.textContent = `Viser ${year}`;
    };
    draw();
    replace(main,
      h("h1", null, "Portefølje og årshjul"),
      h("p", null, `${entries.length} enheder i porteføljen ${session.roleId}.`),
      h("div", { class: "columns" },
        h("section", { class: "wheel-section", "aria-labelledby": "wheel-heading" },
          h("h2", { id: "wheel-heading" }, "Årshjul"),
          h("div", { class: "year-nav" },
            h("button", { type: "button", class: "secondary", onclick: () => { year -= 1; draw(); } }, "Forrige år"),
            yearLabel,
            h("button", { type: "button", class: "secondary", onclick: () => { year += 1; draw(); } }, "Næste år")),
          wheelHolder,
          legend()),
        inbox.element),
      h("section", { "aria-labelledby": "units-heading" },
        h("h2", { id: "units-heading" }, "Enheder"),
        h("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": "Enheder (kan rulles)" }, unitTable(entries))));
  },
  leave() {
    inbox?.stop();
    inbox = null;
  },
};

let standalone: LiveInbox | null = null;

export const inboxPage: Page = {
  title: "Opgaver",
  roles: ["chief"],
  render(main, _params, session) {
    standalone = liveInbox(`chiefs/${session.roleId}`, "h1");
    replace(main, standalone.element);
  },
  leave() {
    standalone?.stop();
    standalone = null;
  },
};
