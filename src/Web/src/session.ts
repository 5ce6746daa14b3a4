// The signed-in person: the bearer token (kept for this browser tab only) and its tilsyn claims.
const TOKEN_KEY = "tilsyn.token";

export type Role = "chief" | "leader" | "board" | "administration" | "operations";

export interface Session {
  token: string;
  subject: string;
  role: Role;
  roleId: string;
  units: string[];
  expiresAt: number;
}

function decodePart(part: string): unknown {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Reads the claims the gateway authorizes by; null for a token without them or past its expiry. */
export function sessionOf(token: string, now = Date.now()): Session | null {
  try {
    const claims = decodePart(token.split(".")[1] ?? "") as Record<string, unknown>;
    const role = claims["tilsyn_role"];
    const roleId = claims["tilsyn_role_id"];
    const exp = Number(claims["exp"] ?? 0) * 1000;
    if (typeof role !== "string" || typeof roleId !== "string" || exp <= now) return null;
    const unit = claims["tilsyn_unit"];
    const units = Array.isArray(unit) ? unit.map(String) : typeof unit === "string" ? [unit] : [];
    return { token, subject: String(claims["sub"] ?? ""), role: role as Role, roleId, units, expiresAt: exp };
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const session = token ? sessionOf(token) : null;
  if (token && !session) sessionStorage.removeItem(TOKEN_KEY);
  return session;
}

export function signIn(token: string): Session | null {
  const session = sessionOf(token);
  if (session) sessionStorage.setItem(TOKEN_KEY, token);
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
