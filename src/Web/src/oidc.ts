// Production sign-in: OpenID Connect authorization code flow with PKCE (RFC 7636) as a public client.
const PENDING_KEY = "tilsyn.oidc";
export const CALLBACK_PATH = "/oidc/callback";

export interface OidcConfig {
  authority: string;
  clientId: string;
  scope: string;
  audience?: string | null;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

interface Pending {
  state: string;
  verifier: string;
  tokenEndpoint: string;
  redirectUri: string;
  returnTo: string;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText(byteCount: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function discover(authority: string): Promise<Discovery> {
  const response = await fetch(`${authority.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`Login-udbyderen svarede ${response.status}.`);
  return (await response.json()) as Discovery;
}

/** Sends the browser to the provider's authorization endpoint. */
export async function beginSignIn(config: OidcConfig, returnTo: string): Promise<void> {
  const discovery = await discover(config.authority);
  const pending: Pending = {
    state: randomText(24),
    verifier: randomText(48),
    tokenEndpoint: discovery.token_endpoint,
    redirectUri: `${location.origin}${CALLBACK_PATH}`,
    returnTo,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: "S256",
  });
  if (config.audience) query.set("audience", config.audience);
  location.assign(`${discovery.authorization_endpoint}?${query}`);
}

/** On the callback: checks the state and swaps the code for tokens. Returns the access token and where to go. */
export async function completeSignIn(config: OidcConfig): Promise<{ token: string; returnTo: string }> {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null") as Pending | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (params.get("error")) throw new Error(`Login-udbyderen afviste: ${params.get("error_description") ?? params.get("error")}`);
  if (!pending || params.get("state") !== pending.state) throw new Error("Svaret fra login-udbyderen passer ikke til denne browser. Prøv at logge ind igen.");
  const code = params.get("code");
  if (!code) throw new Error("Svaret fra login-udbyderen mangler en kode.");
  const response = await fetch(pending.tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: pending.redirectUri,
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`Login-udbyderen udstedte ingen adgangsnøgle (${response.status}).`);
  const tokens = (await response.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error("Login-udbyderen udstedte ingen adgangsnøgle.");
  return { token: tokens.access_token, returnTo: pending.returnTo };
}
