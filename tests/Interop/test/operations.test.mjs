// tilsyn.v1.Operations through the real grpc-js client: loop health counts over every unit, for operations
// and the administration; never meeting content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';

const { tilsyn } = protos;
const { unary, status } = calls;
const { ok, failed } = loop;

let gateway;
let operations;

before(async () => {
  gateway = await gatewayLib.startGateway({ 'Clock:Start': '2026-04-20T08:00:00Z' });
  await gateway.settled();
  operations = gateway.client(tilsyn.Operations);
});

after(async () => {
  operations?.close();
  await gateway?.stop();
});

const counted = ['conversationsHeld', 'conversationsOverdue', 'oneToOnesHeld', 'oneToOnesOverdue', 'openTasks', 'overdueTasks', 'boardReportsOverdue', 'openAgreements', 'agreementsPastDue',
  'conversationsDue', 'oneToOnesDue', 'oneToOnesDueHeld', 'boardReportsDue', 'boardReportsInReview'];

test('the summary counts every unit, per sector, and the sectors add up to the totals', async () => {
  const summary = ok(await unary(operations, 'getLoopHealthSummary', {}, { token: gateway.tokenOfRole('operations') }));
  const zeroToSix = ok(await unary(operations, 'getLoopHealthSummary', { ageArea: 'AGE_AREA_ZERO_TO_SIX' }, { token: gateway.tokenOfRole('administration') }));

  assert.equal(summary.unitCount, 103);
  assert.deepEqual(summary.bySector.map((s) => s.sector), ['SECTOR_DAGTILBUD', 'SECTOR_SKOLE', 'SECTOR_FU']);
  assert.equal(summary.bySector.reduce((n, s) => n + s.unitCount, 0), summary.unitCount);
  for (const field of counted) assert.equal(summary.bySector.reduce((n, s) => n + s.counts[field], 0), summary.totals[field], field);
  assert.ok(summary.totals.openTasks > 0, 'the loops have raised tasks');
  for (const sector of summary.bySector) {
    assert.equal(sector.tasksByKind.reduce((n, k) => n + k.open, 0), sector.counts.openTasks, `${sector.sector} open tasks by kind`);
    assert.equal(sector.tasksByKind.reduce((n, k) => n + k.overdue, 0), sector.counts.overdueTasks, `${sector.sector} overdue tasks by kind`);
    assert.equal(sector.dataPackages.due, sector.dataPackages.released + sector.dataPackages.missing);
    assert.ok(sector.oneToOneAdherence >= 0 && sector.oneToOneAdherence <= 1);
  }
  assert.deepEqual(summary.bySector.map((s) => s.ageArea), ['AGE_AREA_ZERO_TO_SIX', 'AGE_AREA_SIX_TO_EIGHTEEN', 'AGE_AREA_SIX_TO_EIGHTEEN']);
  assert.ok(summary.computedAt);
  assert.deepEqual(zeroToSix.bySector.map((s) => s.sector), ['SECTOR_DAGTILBUD']);
});

test('per-unit counts page by unit id with the loop id, filtered by sector', async () => {
  const token = gateway.tokenOfRole('operations');
  const rows = [];
  let pageToken = '';
  do {
    const page = ok(await unary(operations, 'listUnitLoopHealth', { sector: 'SECTOR_FU', pageSize: 6, pageToken }, { token }));
    rows.push(...page.units);
    pageToken = page.nextPageToken;
    assert.equal(page.totalSize, 20);
  } while (pageToken);

  assert.equal(rows.length, 20);
  assert.deepEqual(rows.map((r) => r.unit), rows.map((r) => r.unit).sort());
  assert.ok(rows.every((r) => r.sector === 'SECTOR_FU' && r.loopId === '6-18/2026' && counted.every((f) => Number.isInteger(r.counts[f]))));
});

test('health is for operations and the administration only', async () => {
  for (const label of ['chief:bu-chef-1', 'leader:strandens-dagtilbud', 'board:strandens-dagtilbud']) {
    const error = failed(await unary(operations, 'getLoopHealthSummary', {}, { token: gateway.token(label) }), status.PERMISSION_DENIED, label);
    assert.match(error.details, /may not read loop health/);
  }
});
