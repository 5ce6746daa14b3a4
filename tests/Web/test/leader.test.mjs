// The leader's main path in the browser: the unit's loop and timeline, the data package with suppressed
// values, preparing the first læringssamtale from the agenda, scheduling and holding it, the record along
// the learning circle (an incomplete one first: every error at once, linked to its field), the focus
// areas, and closing an agreement. axe-core checks every page; screenshots in .test-artifacts/web.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import browserLib from '../lib/browser.js';
import sessionLib from '../lib/session.js';

const { newPage, checkPage, signInAs } = browserLib;
const { browserSession } = sessionLib;
const START = '2027-04-20T08:00:00Z'; // 0-6 loop 2027: the first conversation's window is open
const UNIT = 'strandens-dagtilbud';

const session = browserSession(START);

test('a leader follows the loop, reads the data package and writes up the first læringssamtale', async () => {
  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, `leader:${UNIT}`);

  assert.equal(await page.evaluate(() => location.hash), `#/enhed/${UNIT}`);
  await page.waitForSelector('text=Tidslinje for loop 0-6/2027');
  await checkPage(page, 'leader-unit-timeline');
  assert.ok(await page.locator('table >> text=Byrådet behandler kvalitetsrapporten').count() > 0, 'the timeline starts at the political treatment');

  await page.click('nav[aria-label="Hovedmenu"] >> text=Datapakke');
  await page.waitForSelector('h2:has-text("Strukturel kvalitet")');
  await checkPage(page, 'leader-data-package');
  const suppressed = await page.locator('tr.suppressed').count();
  assert.ok(suppressed > 0, 'values of small groups are shown as suppressed');
  assert.match(await page.locator('tr.suppressed').first().innerText(), /Skjult/);
  assert.ok(await page.locator('h2:has-text("Resultatkvalitet")').count() === 1, 'indicators are grouped by quality kind');

  await page.goto(`/#/enhed/${UNIT}/samtale/2027-Spring`);
  await page.waitForSelector('h1:has-text("Læringssamtale nr. 1")');
  await page.waitForSelector('text=Dagsorden');
  await checkPage(page, 'leader-conversation-agenda');

  await page.fill('#f-scheduled_for', '2027-04-27T10:00');
  await page.click('button:has-text("Planlæg")');
  await page.waitForSelector('text=Samtalen er planlagt.');
  await page.click('button:has-text("Registrér som afholdt")');
  await page.waitForSelector('text=Samtalen er registreret som afholdt.');
  await page.waitForSelector('form.record-form');
  await checkPage(page, 'leader-conversation-record-form');

  // An incomplete record: the service lists every rule it breaks, all at once.
  await page.click('form.record-form button[type=submit]');
  const summary = page.locator('form.record-form .error-summary');
  await summary.waitFor({ state: 'visible' });
  const errors = await summary.locator('li').count();
  assert.ok(errors >= 4, `every error at once (got ${errors}: ${await summary.innerText()})`);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'the summary gets focus');
  const firstLink = summary.locator('li a').first();
  const target = (await firstLink.getAttribute('href')).slice(1);
  await firstLink.click();
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  assert.ok(focused.startsWith(target), `the error link moves focus to its field (${target} -> ${focused})`);
  assert.ok(await page.locator('[aria-invalid=true]').count() > 0, 'fields are marked invalid');
  await checkPage(page, 'leader-conversation-record-errors');

  // The whole record along the learning circle.
  const rows = await page.locator('[data-row=participant]').count();
  for (let i = 0; i < rows; i++) await page.fill(`#f-record-participants-${i}-name`, `Deltager ${i + 1}`);
  await page.check('text=D: Input fra forældre og bestyrelse');
  await page.fill('#f-record-data_points', 'Trivslen er steget i de yngste grupper\nSprogvurderingerne ligger under kommunens niveau');
  await page.fill('#f-record-possible_next_steps', 'Fælles sprogindsats i alle afdelinger\nMere viden om de ældste gruppers trivsel');
  await page.fill('#f-record-decision', 'Sprog og kommunikation prioriteres det kommende år.');
  await page.fill('#f-record-agreements-0-action', 'Plan for sprogindsatsen deles med personalet');
  await page.fill('#f-record-agreements-0-owner', 'leder');
  await page.fill('#f-record-agreements-0-due', '2027-08-31');
  await page.fill('#f-record-closing_remarks', 'God og konstruktiv samtale.');
  await page.fill('#f-record-children_perspective', 'Børnenes perspektiv indgår via børneinterviews i hver afdeling.');
  await page.click('form.record-form button[type=submit]');
  await page.waitForSelector('h2:has-text("Referat, version 1")');
  assert.ok(await page.locator('text=Sprog og kommunikation prioriteres det kommende år.').count() > 0);

  // Focus areas at the first conversation, within the political themes.
  await page.selectOption('#f-focus_areas-0-theme_code', { index: 1 });
  await page.fill('#f-focus_areas-0-title', 'Sprogindsats i alle grupper');
  await page.click('button:has-text("Gem fokusområderne")');
  await page.waitForSelector('text=Fokusområderne er gemt.');
  await checkPage(page, 'leader-conversation-written');

  await page.click('nav[aria-label="Hovedmenu"] >> text=Aftaler');
  await page.waitForSelector('h2:has-text("Åbne aftaler (1)")');
  await checkPage(page, 'leader-agreements');
  await page.fill('#f-closing_note_0', 'Planen er delt på personalemødet.');
  await page.click('button:has-text("Luk aftalen")');
  await page.waitForSelector('h2:has-text("Åbne aftaler (0)")');
  assert.ok(await page.locator('text=Planen er delt på personalemødet.').count() > 0);

  await page.click('nav[aria-label="Hovedmenu"] >> text=Min enhed');
  await page.waitForSelector('text=Sprogindsats i alle grupper');
  await checkPage(page, 'leader-unit-after');
  await page.context().close();
});
