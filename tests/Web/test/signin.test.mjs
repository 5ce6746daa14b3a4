// Signing in. The embedded default lists one demo user per role; with an OIDC provider configured
// (production) there is no demo sign-in and the browser goes through the authorization code flow with
// PKCE against the provider, whose access token the gateway then accepts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import browserLib from '../lib/browser.js';
import providerLib from '../lib/oidc-provider.js';

const { startGateway } = gatewayLib;
const { launch, newPage, checkPage } = browserLib;
const { startProvider } = providerLib;

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

test('the embedded default lists a demo user for every role and signs in by keyboard', async () => {
  const browser = await launch();
  cleanup.push(() => browser.close());
  const gateway = await startGateway();
  cleanup.push(() => gateway.stop());
  const config = await (await fetch(`${gateway.url}/web/config`)).json();
  assert.equal(config.signIn, 'demo');

  const page = await newPage(browser, gateway);
  await page.goto('/');
  await page.waitForSelector('button[data-label]');
  assert.equal(await page.evaluate(() => location.hash), '#/log-ind');
  for (const role of ['chief', 'leader', 'board', 'administration', 'operations']) {
    assert.ok(await page.locator(`#role-${role} + ul button`).count() > 0, `a demo user for ${role}`);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  await checkPage(page, 'signin-demo');

  // Keyboard only: the page heading has focus, the demo users follow; from the top the skip link comes first.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Børn og Unge-chef/);
  const first = await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent);
  assert.equal(first, 'Spring til indholdet', 'the skip link is the first stop');
  await page.focus('.skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link moves focus to the main content');
  await page.focus('button[data-label="operations"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/drift');
  // The heading is focused once the page has rendered its data (the h1 may appear a moment before).
  const focused = await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 10_000 }).then(() => true, () => false);
  assert.ok(focused, `focus moves to the new page heading (focus is on ${await page.evaluate(() => document.activeElement?.tagName)})`);
  await page.click('button:has-text("Log ud")');
  await page.waitForSelector('button[data-label]');
  await page.context().close();
});

test('production signs in with the OIDC provider (authorization code + PKCE) and has no demo sign-in', async () => {
  const provider = await startProvider({ claims: { sub: 'oidc-person-1', tilsyn_role: 'chief', tilsyn_role_id: 'bu-chef-2' } });
  cleanup.push(() => provider.close());
  const browser = await launch();
  cleanup.push(() => browser.close());
  const gateway = await startGateway({
    'Auth:Demo': 'false',
    'Auth:Authority': provider.issuer,
    'Auth:RequireHttpsMetadata': 'false',
    'Web:Oidc:Authority': provider.issuer,
    'Web:Oidc:ClientId': 'tilsyn-web',
    'Demo:SeedWhenEmpty': 'true',
  });
  cleanup.push(() => gateway.stop());

  const config = await (await fetch(`${gateway.url}/web/config`)).json();
  assert.equal(config.signIn, 'oidc');
  assert.equal(config.oidc.clientId, 'tilsyn-web');
  const demo = await fetch(`${gateway.url}/web/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"label":"administration"}' });
  assert.notEqual(demo.status, 200, 'no demo sign-in in production');
  assert.doesNotMatch(await demo.text(), /token/);

  const page = await newPage(browser, gateway);
  await page.goto('/');
  await page.waitForSelector('button:has-text("Log ind med kommunens login")');
  await checkPage(page, 'signin-oidc');
  await page.click('button:has-text("Log ind med kommunens login")');
  await page.waitForFunction(() => location.hash === '#/portefolje', null, { timeout: 20_000 });

  const [authorize] = provider.seen.authorize;
  assert.equal(authorize.response_type, 'code');
  assert.equal(authorize.client_id, 'tilsyn-web');
  assert.equal(authorize.redirect_uri, `${gateway.url}/oidc/callback`);
  assert.equal(authorize.code_challenge_method, 'S256');
  assert.match(authorize.code_challenge, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(authorize.state.length >= 20, 'a random state');
  assert.match(authorize.scope, /openid/);
  const [token] = provider.seen.token;
  assert.equal(token.grant_type, 'authorization_code');
  assert.ok(token.code_verifier.length >= 43, 'the PKCE verifier is sent with the code');

  // The gateway accepted the provider's token: the chief's portfolio loads.
  await page.waitForSelector('svg.wheel');
  await page.waitForSelector('text=Opgavelisten opdateres automatisk.');
  assert.equal(await page.evaluate(() => location.pathname), '/');
  await checkPage(page, 'oidc-chief-portfolio');
  await page.context().close();
});
