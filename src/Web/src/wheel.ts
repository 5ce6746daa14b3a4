// The annual wheel (årshjul) of a portfolio as SVG: one ring per unit, the twelve months around it,
// conversation windows as arcs, data releases, conversations, 1:1s and report deadlines as marks, and
// a needle at today. A table beside it says the same in words (the SVG is the picture, not the only source).
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { h, svg } from "./dom";
import type { Date as Day } from "./gen/tilsyn/v1/common_pb";
import { BoardReportStatus, ConversationStatus, OneToOneStatus, type Loop } from "./gen/tilsyn/v1/loops_pb";
import type { Unit } from "./gen/tilsyn/v1/units_pb";
import { dayToDate } from "./text";

export interface WheelUnit {
  unit: Unit;
  loop: Loop | null;
}

const SIZE = 660;
const C = SIZE / 2;
const INNER = 90;
const OUTER = 270;
const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

function angleOf(date: Date, year: number): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return ((date.getTime() - start) / (end - start)) * 2 * Math.PI - Math.PI / 2;
}

function point(angle: number, radius: number): [number, number] {
  return [C + radius * Math.cos(angle), C + radius * Math.sin(angle)];
}

function inYear(date: Date, year: number): boolean {
  return date.getUTCFullYear() === year;
}

function arc(from: number, to: number, r1: number, r2: number): string {
  const large = to - from > Math.PI ? 1 : 0;
  const [x1, y1] = point(from, r2);
  const [x2, y2] = point(to, r2);
  const [x3, y3] = point(to, r1);
  const [x4, y4] = point(from, r1);
  return `M${x1.toFixed(1)},${y1.toFixed(1)} A${r2},${r2} 0 ${large} 1 ${x2.toFixed(1)},${y2.toFixed(1)} L${x3.toFixed(1)},${y3.toFixed(1)} A${r1},${r1} 0 ${large} 0 ${x4.toFixed(1)},${y4.toFixed(1)} Z`;
}

function clampToYear(from: Date, to: Date, year: number): [Date, Date] | null {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year, 11, 31, 23, 59));
  if (to < start || from > end) return null;
  return [from < start ? start : from, to > end ? end : to];
}

function windowClass(status: ConversationStatus, close: Date, today: Date): string {
  if (status === ConversationStatus.HELD) return "w-held";
  if (status === ConversationStatus.BEFORE_TRACKING) return "w-before";
  if (close < today) return "w-overdue";
  return status === ConversationStatus.SCHEDULED ? "w-scheduled" : "w-planned";
}

function day(d: Day | undefined): Date | null {
  return d && d.year > 0 ? dayToDate(d) : null;
}

/** The wheel for one calendar year. */
export function wheel(units: WheelUnit[], year: number, today: Date): SVGSVGElement {
  const band = (OUTER - INNER) / Math.max(units.length, 1);
  const marks: SVGElement[] = [];
  units.forEach((entry, index) => {
    const r1 = INNER + index * band + 0.5;
    const r2 = r1 + band - 1;
    const mid = (r1 + r2) / 2;
    marks.push(svg("circle", { cx: C, cy: C, r: mid, class: "ring" }));
    const loop = entry.loop;
    if (!loop) return;
    for (const conversation of loop.conversations) {
      const open = day(conversation.windowOpen);
      const close = day(conversation.windowClose);
      if (open && close) {
        const clamped = clampToYear(open, close, year);
        if (clamped) {
          marks.push(svg("path", { d: arc(angleOf(clamped[0], year), angleOf(clamped[1], year), r1, r2), class: `window ${windowClass(conversation.status, close, today)}` }));
        }
      }
      const release = day(conversation.dataRelease);
      if (release && inYear(release, year)) {
        const [x1, y1] = point(angleOf(release, year), r1);
        const [x2, y2] = point(angleOf(release, year), r2);
        marks.push(svg("line", { x1, y1, x2, y2, class: "release" }));
      }
      const when = conversation.scheduledFor ? timestampDate(conversation.scheduledFor) : null;
      if (when && inYear(when, year)) {
        const [x, y] = point(angleOf(when, year), mid);
        marks.push(svg("circle", { cx: x, cy: y, r: Math.max(2, band / 2.5), class: "conversation" }));
      }
    }
    for (const oneToOne of loop.oneToOnes) {
      const due = day(oneToOne.due);
      if (!due || !inYear(due, year)) continue;
      const [x, y] = point(angleOf(due, year), mid);
      const state = oneToOne.status === OneToOneStatus.HELD ? "held" : oneToOne.overdue ? "overdue" : "due";
      marks.push(svg("circle", { cx: x, cy: y, r: Math.max(1.5, band / 4), class: `one-to-one ${state}` }));
    }
    for (const report of loop.boardReports) {
      const due = day(report.due);
      if (!due || !inYear(due, year)) continue;
      const [x, y] = point(angleOf(due, year), mid);
      const s = Math.max(2, band / 2.5);
      const done = report.status !== BoardReportStatus.PENDING;
      marks.push(svg("rect", { x: x - s, y: y - s, width: 2 * s, height: 2 * s, transform: `rotate(45 ${x} ${y})`, class: `board-report ${done ? "held" : "due"}` }));
    }
  });

  const months = MONTHS.map((name, m) => {
    const a = angleOf(new Date(Date.UTC(year, m, 1)), year);
    const [x1, y1] = point(a, INNER - 6);
    const [x2, y2] = point(a, OUTER + 6);
    const [tx, ty] = point(angleOf(new Date(Date.UTC(year, m, 15)), year), OUTER + 26);
    return [
      svg("line", { x1, y1, x2, y2, class: "month" }),
      svg("text", { x: tx, y: ty, class: "month-label", "text-anchor": "middle", "dominant-baseline": "middle" }, name),
    ];
  });

  const needle = inYear(today, year)
    ? (() => {
      const [x1, y1] = point(angleOf(today, year), INNER - 20);
      const [x2, y2] = point(angleOf(today, year), OUTER + 12);
      return svg("line", { x1, y1, x2, y2, class: "today" });
    })()
    : null;

  return svg("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img", "aria-labelledby": "wheel-title wheel-desc", class: "wheel" },
    svg("title", { id: "wheel-title" }, `Årshjul ${year} for porteføljens ${units.length} enheder`),
    svg("desc", { id: "wheel-desc" }, "Hver ring er en enhed (inderst den første i tabellen). Buer er vinduer for læringssamtaler, streger er udgivelser af datapakker, prikker er samtaler og 1:1-opfølgninger, ruder er frister for bestyrelsens tilsynsrapport. Tabellen under hjulet viser det samme i tekst."),
    months,
    marks,
    needle,
    svg("text", { x: C, y: C - 8, "text-anchor": "middle", class: "year" }, String(year)),
    svg("text", { x: C, y: C + 16, "text-anchor": "middle", class: "year-sub" }, "årshjul"));
}

export function legend(): HTMLElement {
  const item = (cls: string, text: string) => h("li", null, h("span", { class: `swatch ${cls}`, "aria-hidden": "true" }), text);
  return h("ul", { class: "legend", "aria-label": "Forklaring til årshjulet" },
    item("w-planned", "Vindue for samtale, ikke planlagt"),
    item("w-scheduled", "Vindue, samtale planlagt"),
    item("w-held", "Samtale afholdt"),
    item("w-overdue", "Vindue lukket uden samtale"),
    item("release", "Datapakke udgives"),
    item("conversation", "Dato for samtale"),
    item("one-to-one", "1:1-opfølgning (rød: overskredet)"),
    item("board-report", "Frist for tilsynsrapport"),
    item("today", "I dag"));
}
