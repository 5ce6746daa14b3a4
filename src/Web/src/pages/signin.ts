// Sign-in: the demo users of the embedded default, or the configured OIDC provider.
import { navigate, type Page } from "../app";
import { h, replace } from "../dom";
import { beginSignIn, type OidcConfig } from "../oidc";
import { signIn } from "../session";
import { roleText } from "../text";

export interface WebConfig {
  signIn: "demo" | "oidc" | "none";
  oidc: OidcConfig | null;
  now: string;
}

interface DemoIdentity {
  label: string;
  role: string;
  roleId: string;
  units: string[];
  description: string;
}

const roleOrder = ["chief", "leader", "board", "administration", "operations"];

function describe(identity: DemoIdentity): string {
  switch (identity.role) {
    case "chief": return `Børn og Unge-chef med egen portefølje (${identity.roleId})`;
    case "leader": return `Leder af ${identity.units.join(", ")}`;
    case "board": return `Bestyrelsesmedlem i ${identity.units.join(", ")}${identity.description.includes("self-owned") ? " (selvejende dagtilbud)" : ""}`;
    case "administration": return "Forvaltningen: udgivelser, skabeloner, konfiguration og tværgående overblik";
    default: return "Drift: loopets sundhed, aldrig mødeindhold";
  }
}

async function demoList(main: HTMLElement): Promise<void> {
  const identities = (await (await fetch("/web/demo/identities")).json()) as DemoIdentity[];
  const status = h("p", { role: "status", class: "status" });
  const groups = roleOrder.map((role) => {
    const ofRole = identities.filter((i) => i.role === role);
    if (ofRole.length === 0) return null;
    return h("section", { "aria-labelledby": `role-${role}` },
      h("h2", { id: `role-${role}` }, roleText[role] ?? role),
      h("ul", { class: "identities" }, ofRole.map((identity) =>
        h("li", null, h("button", {
          type: "button",
          "data-label": identity.label,
          onclick: async () => {
            status.textContent = "Logger ind …";
            const response = await fetch("/web/demo/sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ label: identity.label }) });
            const body = (await response.json()) as { token?: string };
            if (!response.ok || !body.token || !signIn(body.token)) { status.textContent = "Login mislykkedes."; return; }
            navigate("#/");
          },
        }, describe(identity))))));
  });
  replace(main,
    h("h1", null, "Log ind"),
    h("p", null, "Dette er demonstrationsopsætningen med syntetiske data. Vælg en demobruger; der er én for hver rolle."),
    status,
    groups);
}

export function signInPage(config: WebConfig): Page {
  return {
    title: "Log ind",
    async render(main) {
      if (config.signIn === "demo") { await demoList(main); return; }
      if (config.signIn === "oidc" && config.oidc) {
        const oidc = config.oidc;
        const status = h("p", { role: "status", class: "status" });
        replace(main,
          h("h1", null, "Log ind"),
          h("p", null, "Du logger ind hos kommunens login-udbyder og kommer derefter tilbage hertil."),
          h("button", { type: "button", onclick: async () => {
            status.textContent = "Sender dig videre til login …";
            try { await beginSignIn(oidc, "#/"); } catch (e) { status.textContent = String(e instanceof Error ? e.message : e); }
          } }, "Log ind med kommunens login"),
          status);
        return;
      }
      replace(main, h("h1", null, "Log ind"), h("p", null, "Login er ikke konfigureret (Web:Oidc:Authority og Web:Oidc:ClientId)."));
    },
  };
}
