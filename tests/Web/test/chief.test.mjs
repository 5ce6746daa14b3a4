// The chief's main path in the browser: the portfolio with its annual wheel, the live inbox (a task raised
// and one closed by a change made elsewhere arrive over the WatchInbox stream without a reload), a unit of
// the portfolio, and the review of a self-owned board's submitted supervision report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import browserLib from '../lib/browser.js';
import sessionLib from '../lib/session.js';

const { newPage, checkPage, signInAs } = browserLib;
const { browserSession } = sessionLib;
const START = '2027-04-20T08:00:00Z';

const session = browserSession(START);

test('a chief sees the portfolio on the annual wheel and the inbox live', async () => {
  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, 'chief:bu-chef-1');
  assert.equal(await page.evaluate(() => location.hash), '#/portefolje');
  await page.waitForSelector('svg.wheel[role=img]');
  await page.waitForSelector('text=Opgavelisten opdateres automatisk.');
  const rings = await page.locator('svg.wheel circle.ring').count();
  const rows = await page.locator('section:has(#units-heading) tbody tr').count();
  assert.ok(rows >= 10, `a portfolio of 10-30 units (got ${rows})`);
  assert.equal(rings, rows, 'one ring per unit');
  assert.ok(await page.locator('svg.wheel path.window').count() > 0, 'conversation windows are drawn');
  assert.ok(await page.locator('svg.wheel line.release').count() > 0, 'data releases are drawn');
  assert.ok(await page.locator('svg.wheel line.today').count() === 1, 'today is marked');
  assert.equal(await page.getAttribute('.inbox-news', 'aria-live'), 'polite');
  await checkPage(page, 'chief-portfolio');

  // A change made elsewhere (the leader schedules a conversation through the API) reaches the open page.
  const before = await page.locator('li[data-task]').count();
  assert.ok(before > 0, 'the snapshot lists the open tasks');
  const leader = await session.gateway.token('leader:strandens-dagtilbud');
  await session.gateway.call('tilsyn.v1.Loops/ScheduleConversation', {
    name: 'units/strandens-dagtilbud/loop/conversations/2027-Spring', scheduledFor: '2027-05-03T08:00:00Z', requestId: crypto.randomUUID(),
  }, leader);
  await page.waitForFunction(() => /Strandens/.test(document.querySelector('.inbox-news')?.textContent ?? ''), null, { timeout: 20_000 });
  const news = await page.locator('.inbox-news').innerText();
  assert.match(news, /(Ny opgave|Opgave afsluttet|Opgave ændret)/);
  await page.waitForSelector('li[data-task] >> text=Afhold læringssamtale', { timeout: 20_000 });
  await checkPage(page, 'chief-inbox-live');

  // Next year on the wheel, by keyboard.
  await page.focus('button:has-text("Næste år")');
  await page.keyboard.press('Enter');
  await page.waitForSelector('svg.wheel text.year:has-text("2028")');

  await page.click('section:has(#units-heading) >> text=Strandens Dagtilbud');
  await page.waitForSelector('text=Tidslinje for loop 0-6/2027');
  assert.ok(await page.locator('text=Planlagt').count() > 0, 'the scheduled conversation shows');
  await checkPage(page, 'chief-unit');

  // A 1:1 with the leader: the common agenda, scheduled, held, written up.
  await page.click('main >> text=1:1 nr. 1 efter samtalen foråret 2027');
  await page.waitForSelector('h1:has-text("1:1 nr. 1")');
  await page.waitForSelector('text=Fælles dagsorden');
  await checkPage(page, 'chief-one-to-one');
  await page.fill('#f-scheduled_for', '2027-05-10T10:00');
  await page.click('button:has-text("Planlæg")');
  await page.waitForSelector('text=1:1 er planlagt.');
  await page.click('button:has-text("Registrér")');
  await page.waitForSelector('text=1:1 er registreret som afholdt.');
  await page.fill('#f-record-summary', 'Opfølgning på sprogindsatsen og data fra datapakken.');
  await page.fill('#f-record-decisions', 'Lederen samler erfaringer fra afdelingerne');
  await page.fill('#f-record-agreements-0-action', 'Opsamling af erfaringer til næste samtale');
  await page.fill('#f-record-agreements-0-owner', 'leder');
  await page.fill('#f-record-agreements-0-due', '2027-09-01');
  await page.click('button:has-text("Gem referatet")');
  await page.waitForSelector('text=Referatet er gemt.');
  assert.ok(await page.locator('text=Opfølgning på sprogindsatsen og data fra datapakken.').count() > 0);

  await page.click('nav[aria-label="Hovedmenu"] >> text=Opgaver');
  await page.waitForSelector('h1:has-text("Opgaver")');
  await page.waitForSelector('text=Opgavelisten opdateres automatisk.');
  await checkPage(page, 'chief-inbox');
  await page.context().close();
});

test('a chief reviews a self-owned board\'s supervision report, holds the follow-up meeting and closes the case', async () => {
  const board = await session.gateway.token('board:dt-havbrisen');
  const reportId = 'dt-havbrisen/tilsyn/2027';
  await session.gateway.call('tilsyn.v1.Reports/StartReport', { reportId, requestId: crypto.randomUUID() }, board);
  const yes = (question) => ({ question, yes: true });
  await session.gateway.call('tilsyn.v1.Reports/SaveDraft', {
    reportId,
    requestId: crypto.randomUUID(),
    answers: [yes('b1'), yes('b2'), yes('b3'), yes('b4'), yes('k1'), yes('k2'), yes('k3'), { question: 'k4', choice: 'fuldt' }, yes('p1'),
      { question: 'p2', text: 'Børnenes perspektiv indgår i hverdagens planlægning.' }, { question: 'p3', text: 'Datapakken viser stabil trivsel.' },
      { question: 'p4', choice: 'tilfredsstillende' }],
  }, board);
  await session.gateway.call('tilsyn.v1.Reports/SubmitReport', { reportId, requestId: crypto.randomUUID() }, board);

  const page = await newPage(session.browser, session.gateway);
  await signInAs(page, 'chief:bu-chef-6');
  await page.goto('/#/enhed/dt-havbrisen/tilsyn/2027');
  await page.waitForSelector('h2:has-text("Kvittering")');
  await page.waitForSelector('text=Chefens opfølgning');
  await checkPage(page, 'chief-supervision-review');
  await page.check('text=Data kalder på et opfølgningsmøde med bestyrelsen');
  await page.fill('#f-reason', 'Data om normering kalder på et møde med bestyrelsen.');
  await page.click('button:has-text("Gem vurderingen")');
  await page.waitForSelector('text=Vurderingen er gemt.');
  assert.ok(await page.locator('text=Sagens status: Opfølgningsmøde påkrævet').count() === 1);
  await page.fill('#f-notes', 'Normeringen er gennemgået; bestyrelsen følger op i efteråret.');
  await page.fill('#f-attendees', 'Bestyrelsesformand\nDagtilbudsleder');
  await page.click('button:has-text("Registrér mødet")');
  await page.waitForSelector('text=Mødet er registreret.');
  await page.fill('#f-conclusion', 'Opfølgningen er gennemført.');
  await page.click('button:has-text("Afslut sagen")');
  await page.waitForSelector('text=Sagen er afsluttet.');
  assert.ok(await page.locator('text=Sagens status: Afsluttet').count() === 1);
  await checkPage(page, 'chief-supervision-closed');
  await page.context().close();
});
