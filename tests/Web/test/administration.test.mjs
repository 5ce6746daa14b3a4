// The administration and operations in the browser: CSV imports of units and data packages with every
// row error shown, the political themes, a new version of the annual-wheel configuration (its errors
// first), the area overview of focus areas; and the operations' loop health page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import browserLib from '../lib/browser.js';
import sessionLib from '../lib/session.js';

const { newPage, checkPage, signInAs } = browserLib;
const { browserSession } = sessionLib;
const START = '2027-04-20T08:00:00Z';

const session = browserSession(START);

test('the administration imports units and data packages and sees every row error', async () => {
  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, 'administration');
  assert.equal(await page.evaluate(() => location.hash), '#/administration');
  await checkPage(page, 'admin-imports');

  const header = 'id,name,sector,chief,leader,board,selfOwned,special,parent';
  await page.fill('#f-units_csv', `${header}\nny-skole,Ny Skole,skole,bu-chef-1,leder-ny-skole,bestyrelse-ny-skole,false,false,\nforkert,Forkert Enhed,bibliotek,bu-chef-1,leder-forkert,,false,false,\n,Uden id,skole,bu-chef-1,leder-x,,false,false,\n`);
  await page.click('section:has(#f-units_csv) button:has-text("Kontrollér filen")');
  await page.waitForSelector('table.row-errors');
  const rowErrors = await page.locator('table.row-errors tbody tr').count();
  assert.ok(rowErrors >= 2, `every row error is shown (got ${rowErrors})`);
  await checkPage(page, 'admin-import-row-errors');

  await page.fill('#f-units_csv', `${header}\nny-skole,Ny Skole,skole,bu-chef-1,leder-ny-skole,bestyrelse-ny-skole,false,false,\n`);
  await page.click('section:has(#f-units_csv) button:has-text("Importér")');
  await page.waitForSelector('text=Importeret: 1 enheder (1 nye, 0 opdateret).');

  await page.fill('#f-dp_period', '2027-Spring');
  await page.fill('#f-dp_csv', 'unit,indicator,quality,value,groupSize\nstrandens-dagtilbud,Normering,structural,abc,20\nukendt-enhed,Normering,kvalitet,3.1,-2\n');
  await page.click('section:has(#f-dp_csv) button:has-text("Kontrollér filen")');
  await page.waitForSelector('section:has(#f-dp_csv) table.row-errors');
  assert.ok(await page.locator('section:has(#f-dp_csv) table.row-errors tbody tr').count() >= 2);
  await checkPage(page, 'admin-data-package-row-errors');
  await page.context().close();
});

test('the administration sets themes, adds a wheel version and reads the focus-area overview', async () => {
  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, 'administration');

  await page.click('nav[aria-label="Hovedmenu"] >> text=Temaer');
  await page.waitForSelector('text=Temaer for loop 0-6/2027');
  await checkPage(page, 'admin-themes');
  const filled = await page.locator('input[id^="f-themes-"][id$="-code"]').evaluateAll((inputs) => inputs.findIndex((i) => !i.value));
  await page.fill(`#f-themes-${filled}-code`, 'NATUR');
  await page.fill(`#f-themes-${filled}-title`, 'Natur og udeliv');
  await page.click('button:has-text("Gem temaerne")');
  await page.waitForFunction(() => /Version 2/.test(document.querySelector('main')?.textContent ?? ''), null, { timeout: 10_000 }).catch(async (e) => { throw new Error(`${e.message}: ${await page.locator('main').innerText()}`); });

  await page.click('nav[aria-label="Hovedmenu"] >> text=Årshjul');
  await page.waitForSelector('text=Gældende: version');
  await page.click('button:has-text("Tilføj version")');
  const summary = page.locator('.error-summary:visible');
  await summary.waitFor();
  assert.ok(await summary.locator('li').count() >= 2, `both missing fields are listed at once: ${await summary.innerText()}`);
  await checkPage(page, 'admin-wheel-errors');
  await page.fill('#f-effective_from', '2028-01-01');
  await page.fill('#f-settings-minutes_due_days', '21');
  await page.fill('#f-reason', 'Lederne ønsker tre uger til referatet.');
  await page.click('button:has-text("Tilføj version")');
  await page.waitForSelector('text=Version 1 er tilføjet.');
  await checkPage(page, 'admin-wheel');

  await page.click('nav[aria-label="Hovedmenu"] >> text=Fokusområder');
  await page.waitForSelector('text=Enhedernes lokale fokusområder');
  await checkPage(page, 'admin-focus-areas');
  await page.context().close();
});

test('operations see loop health as counts, and can show only units with something overdue', async () => {
  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, 'operations');
  assert.equal(await page.evaluate(() => location.hash), '#/drift');
  await page.waitForSelector('caption:has-text("Samlet og pr. sektor")');
  await page.waitForSelector('caption:has-text("enheder")');
  const all = await page.locator('section:has(#units-heading) tbody tr').count();
  assert.ok(all > 10);
  await checkPage(page, 'operations-health');
  await page.check('text=Kun enheder med noget overskredet');
  await page.waitForFunction((n) => document.querySelectorAll('section:has(#units-heading) tbody tr').length !== n, all, { timeout: 10_000 }).catch(() => {});
  assert.ok(await page.locator('section:has(#units-heading) tbody tr').count() <= all);
  assert.equal(await page.locator('text=Referat').count(), 0, 'no meeting content');
  await page.context().close();
});
