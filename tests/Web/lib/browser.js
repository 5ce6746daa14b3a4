'use strict';
// Headless Debian chromium through playwright-core; axe-core injected into each page checked. A missing
// chromium fails the suite (it is not skipped): install it with `apt-get install -y chromium`.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { artifacts } = require('./paths');

const CHROMIUM = process.env.TILSYN_CHROMIUM || '/usr/bin/chromium';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set TILSYN_CHROMIUM).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A fresh context (own session storage) in Danish, Copenhagen time; the page's CSP is bypassed only so axe can be injected. */
async function newPage(browser, gateway) {
  const context = await browser.newContext({
    baseURL: gateway.url, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', bypassCSP: true, viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => { page.errors = [...(page.errors ?? []), error]; });
  return page;
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page; fails on any critical violation. Returns all violations. */
async function checkAccessibility(page, what) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, `axe-${what}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const critical = result.filter((v) => v.impact === 'critical');
  assert.deepEqual(critical, [], `${what}: critical accessibility violations:\n${JSON.stringify(critical, null, 2)}`);
  return result;
}

/** Saves a full-page screenshot to .test-artifacts/web/{name}.png. */
async function screenshot(page, name) {
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** Both: the accessibility check and the screenshot of a page that is showing. */
async function checkPage(page, name) {
  await page.waitForSelector('main h1');
  const violations = await checkAccessibility(page, name);
  await screenshot(page, name);
  assert.deepEqual(page.errors ?? [], [], `${name}: script errors in the page`);
  return violations;
}

/** Signs in on the demo page as the identity with the label (clicks its button). */
async function signInAs(page, label) {
  await page.goto('/');
  await page.waitForSelector(`button[data-label="${label}"]`);
  await page.click(`button[data-label="${label}"]`);
  await page.waitForFunction(() => !location.hash.startsWith('#/log-ind'));
  await page.waitForSelector('main h1');
}

module.exports = { launch, newPage, checkAccessibility, screenshot, checkPage, signInAs };
