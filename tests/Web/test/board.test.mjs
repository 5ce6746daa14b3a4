// The boards' main paths in the browser. A self-owned daycare's board: its unit's status and data
// package, a statement, and the written supervision report — drafted, resumed after leaving the page,
// submitted incomplete first (every missing answer shown at once, linked to its question), then complete:
// receipt and printable copy. A board of a unit that is not self-owned: status, data package, statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import browserLib from '../lib/browser.js';
import sessionLib from '../lib/session.js';

const { newPage, checkPage, signInAs } = browserLib;
const { browserSession } = sessionLib;
const START = '2027-04-20T08:00:00Z';
const UNIT = 'dt-havbrisen';

const session = browserSession(START);

test('a self-owned board drafts, resumes and submits its supervision report with the errors first', async () => {
  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, `board:${UNIT}`);
  assert.equal(await page.evaluate(() => location.hash), `#/enhed/${UNIT}`);
  await page.waitForSelector('text=Bestyrelsen');
  await checkPage(page, 'board-unit-status');

  await page.click('nav[aria-label="Hovedmenu"] >> text=Datapakke');
  await page.waitForSelector('h2:has-text("Strukturel kvalitet")');
  await checkPage(page, 'board-data-package');

  await page.click('nav[aria-label="Hovedmenu"] >> text=Tilsynsrapport');
  await page.waitForSelector('h1:has-text("Tilsynsrapporter")');
  await checkPage(page, 'board-report-list');
  await page.click('main >> text=Tilsynsrapport 2027');
  await page.waitForSelector('form.report-form');
  await checkPage(page, 'board-report-draft');

  // Draft: a few answers, saved; leave and come back: the draft is where it was.
  const q = (section, question) => `#f-sections-${section}-questions-${question}`;
  await page.check(`${q('basistilsyn', 'b1')} >> text=Ja`);
  await page.check(`${q('basistilsyn', 'b2')} >> text=Nej`);
  await page.fill(`${q('paedagogisk-tilsyn', 'p2')}`, 'Børnenes perspektiv indgår i planlægningen af hverdagen.');
  await page.click('button:has-text("Gem kladde")');
  await page.waitForSelector('text=Kladde version 1 er gemt.');
  await page.click('nav[aria-label="Hovedmenu"] >> text=Enhedens status');
  await page.waitForSelector('text=Tidslinje');
  await page.goto(`/#/enhed/${UNIT}/tilsyn/2027`);
  await page.waitForSelector('form.report-form');
  await page.waitForSelector('text=Du fortsætter, hvor I slap.');
  assert.equal(await page.isChecked(`${q('basistilsyn', 'b1')} >> text=Ja`), true, 'the saved answer is back');
  assert.equal(await page.inputValue(q('paedagogisk-tilsyn', 'p2')), 'Børnenes perspektiv indgår i planlægningen af hverdagen.');

  // Submit incomplete: every missing answer and explanation at once.
  await page.click('form.report-form button[type=submit]');
  const summary = page.locator('form.report-form .error-summary');
  await summary.waitFor({ state: 'visible' });
  const errors = await summary.locator('li').count();
  assert.ok(errors >= 8, `all errors at once (got ${errors}: ${await summary.innerText()})`);
  assert.match(await summary.innerText(), /forklar nej-svaret/, 'the missing explanation of a no is among them');
  assert.ok(await page.locator('.field.has-error, fieldset.has-error').count() >= errors - 1, 'each question shows its error');
  await summary.locator('li a').first().click();
  assert.ok((await page.evaluate(() => document.activeElement?.id ?? '')).startsWith('f-sections-'), 'an error link moves focus to its question');
  await checkPage(page, 'board-report-errors');

  // Complete it and submit: the receipt.
  for (const question of ['b3', 'b4']) await page.check(`${q('basistilsyn', question)} >> text=Ja`);
  await page.fill(`${q('basistilsyn', 'b2')}-explanation`, 'Legepladseftersynet er bestilt og gennemføres i maj.');
  for (const question of ['k1', 'k2', 'k3']) await page.check(`${q('kommunale-retningslinjer', question)} >> text=Ja`);
  await page.check(`${q('kommunale-retningslinjer', 'k4')} >> text=Fuldt efterlevet`);
  await page.check(`${q('paedagogisk-tilsyn', 'p1')} >> text=Ja`);
  await page.fill(q('paedagogisk-tilsyn', 'p3'), 'Datapakken viser stabil trivsel; bestyrelsen har drøftet sprogvurderingerne.');
  await page.check(`${q('paedagogisk-tilsyn', 'p4')} >> text=Tilfredsstillende med opmærksomhedspunkter`);
  await page.click('form.report-form button[type=submit]');
  await page.waitForSelector('h2:has-text("Kvittering")');
  await page.waitForSelector('text=Rapporten er indsendt. Her er kvitteringen.');
  const hash = await page.locator('.receipt .hash').innerText();
  assert.match(hash, /^[0-9a-f]{64}$/, 'the receipt carries the content hash');
  await checkPage(page, 'board-report-receipt');

  await page.click('text=Se den udskriftsvenlige kopi');
  await page.waitForSelector('iframe.printable');
  const frame = page.frameLocator('iframe.printable');
  await frame.locator('text=Basistilsyn').first().waitFor();
  assert.ok(await frame.locator('text=Legepladseftersynet er bestilt').count() > 0, 'the printable copy holds the answers');
  await checkPage(page, 'board-report-printable');
  await page.context().close();
});

test('a board of a unit that is not self-owned sees status and data package and gives a statement', async () => {
  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, 'board:strandens-dagtilbud');
  await page.waitForSelector('text=Tidslinje');
  assert.equal(await page.locator('nav[aria-label="Enhedens sider"] >> text=Aftaler').count(), 0, 'no meeting content for this board');
  await checkPage(page, 'board-plain-unit-status');
  await page.click('nav[aria-label="Hovedmenu"] >> text=Datapakke');
  await page.waitForSelector('h2:has-text("Procesk")');
  assert.ok(await page.locator('tr.suppressed').count() > 0, 'suppressed values stay suppressed for the board');
  await page.click('nav[aria-label="Hovedmenu"] >> text=Udtalelser');
  await page.waitForSelector('h1:has-text("Bestyrelsens udtalelser")');
  await page.click('form button:has-text("Indsend udtalelsen")');
  await page.locator('.error-summary').first().waitFor({ state: 'visible' });
  await page.fill('#f-text_1', 'Bestyrelsen ønsker fokus på forældresamarbejdet og sprogindsatsen.');
  await page.click('form button:has-text("Indsend udtalelsen")');
  await page.waitForSelector('blockquote:has-text("Bestyrelsen ønsker fokus på forældresamarbejdet")');
  await checkPage(page, 'board-statements');
  await page.context().close();
});
