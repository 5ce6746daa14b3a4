// The shell (landmarks, skip link, menu per role, live region) and the hash router.
import { h, replace } from "./dom";
import { currentSession, signOut, type Role, type Session } from "./session";
import { roleText } from "./text";

export interface Page {
  title: string;
  render(main: HTMLElement, params: string[], session: Session): Promise<void> | void;
  roles?: Role[];
  /** Stops what the page runs in the background (e.g. the inbox stream) when the page is left. */
  leave?(): void;
}

interface Route {
  pattern: RegExp;
  page: Page;
}

const routes: Route[] = [];
let current: Page | null = null;
let serverOffsetMs = 0;

export function route(pattern: RegExp, page: Page): void {
  routes.push({ pattern, page });
}

/** The service's clock (the domain clock; it may run ahead of the browser's in demos). */
export function now(): Date {
  return new Date(Date.now() + serverOffsetMs);
}

export function setServerNow(serverNow: Date): void {
  serverOffsetMs = serverNow.getTime() - Date.now();
}

export function navigate(hash: string): void {
  if (location.hash === hash) void show();
  else location.hash = hash;
}

/** Reads a short message to screen-reader users (polite). */
export function announce(message: string): void {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  window.setTimeout(() => { region.textContent = message; }, 50);
}

function menu(session: Session | null): HTMLElement {
  const links: [string, string][] = [];
  switch (session?.role) {
    case "chief": links.push(["#/portefolje", "Portefølje og årshjul"], ["#/indbakke", "Opgaver"]); break;
    case "leader": links.push([`#/enhed/${session.units[0]}`, "Min enhed"], [`#/enhed/${session.units[0]}/datapakke`, "Datapakke"], [`#/enhed/${session.units[0]}/aftaler`, "Aftaler"]); break;
    case "board": links.push([`#/enhed/${session.units[0]}`, "Enhedens status"], [`#/enhed/${session.units[0]}/datapakke`, "Datapakke"], [`#/enhed/${session.units[0]}/udtalelser`, "Udtalelser"], [`#/enhed/${session.units[0]}/tilsyn`, "Tilsynsrapport"]); break;
    case "administration": links.push(["#/administration", "Import"], ["#/administration/temaer", "Temaer"], ["#/administration/aarshjul", "Årshjul"], ["#/administration/fokusomraader", "Fokusområder"]); break;
    case "operations": links.push(["#/drift", "Loopets sundhed"]); break;
    default: links.push(["#/log-ind", "Log ind"]);
  }
  const here = location.hash;
  return h("nav", { "aria-label": "Hovedmenu" },
    h("ul", null, links.map(([href, text]) => h("li", null, h("a", { href, "aria-current": here === href ? "page" : null }, text)))));
}

function shell(session: Session | null): HTMLElement {
  const main = h("main", { id: "main", tabindex: -1 });
  const skip = h("a", { class: "skip-link", href: "#main", onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, "Spring til indholdet");
  const who = session
    ? h("div", { class: "who" },
      h("span", null, `${roleText[session.role] ?? session.role}: ${session.roleId}`),
      h("button", { type: "button", class: "secondary", onclick: () => { signOut(); navigate("#/log-ind"); } }, "Log ud"))
    : null;
  return h("div", { class: "app" },
    skip,
    h("header", { class: "top" },
      h("p", { class: "brand" }, h("a", { href: "#/" }, "Kvalitetsopfølgning og tilsyn"), h("span", { class: "sub" }, "Børn og Unge")),
      who),
    menu(session),
    main,
    h("footer", null, h("p", null, "Lokal kvalitetsopfølgning og tilsyn · Børn og Unge · demonstrationsdata")),
    h("div", { id: "announcer", class: "visually-hidden", "aria-live": "polite", "aria-atomic": "true" }));
}

/** Where each role starts. */
export function homeOf(session: Session): string {
  switch (session.role) {
    case "chief": return "#/portefolje";
    case "leader":
    case "board": return `#/enhed/${session.units[0] ?? ""}`;
    case "administration": return "#/administration";
    default: return "#/drift";
  }
}

export async function show(): Promise<void> {
  current?.leave?.();
  current = null;
  const session = currentSession();
  const hash = location.hash.startsWith("#/") ? location.hash.slice(1) : "/";
  if (!session && hash !== "/log-ind") { navigate("#/log-ind"); return; }
  if (session && (hash === "/" || hash === "/log-ind")) { navigate(homeOf(session)); return; }
  const app = document.getElementById("app")!;
  replace(app, shell(session));
  const main = document.getElementById("main")!;
  const found = routes.map((r) => ({ r, m: r.pattern.exec(hash) })).find((x) => x.m);
  if (!found) {
    document.title = "Siden findes ikke – Tilsyn";
    replace(main, h("h1", { tabindex: -1 }, "Siden findes ikke"), h("p", null, h("a", { href: "#/" }, "Til forsiden")));
    return;
  }
  const { page } = found.r;
  if (page.roles && session && !page.roles.includes(session.role)) {
    document.title = "Ingen adgang – Tilsyn";
    replace(main, h("h1", { tabindex: -1 }, "Ingen adgang"), h("p", null, "Siden er ikke for din rolle."));
    return;
  }
  current = page;
  document.title = `${page.title} – Tilsyn`;
  replace(main, h("p", { class: "loading", role: "status" }, "Henter …"));
  const params = found.m!.slice(1).map((p) => (p === undefined ? p : decodeURIComponent(p))) as string[];
  await page.render(main, params, session!);
  const heading = main.querySelector<HTMLElement>("h1");
  if (heading) {
    heading.tabIndex = -1;
    if (document.activeElement === document.body || document.activeElement === null) heading.focus();
  }
}
