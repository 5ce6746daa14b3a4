// tilsyn.v1.Units through the real grpc-js client: reading units in each role's scope, pages, and the CSV
// import (validate only, all-or-nothing with row errors as field violations, idempotent repeats).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';
import rpc from '../lib/rpcstatus.js';

const { tilsyn } = protos;
const { unary, status } = calls;
const { ok, failed, requestId } = loop;

let gateway;
let units;
let loops;

before(async () => {
  gateway = await gatewayLib.startGateway();
  await gateway.settled();
  units = gateway.client(tilsyn.Units);
  loops = gateway.client(tilsyn.Loops);
});

after(async () => {
  units?.close();
  loops?.close();
  await gateway?.stop();
});

async function listAll(token, request = {}) {
  const seen = [];
  let pageToken = '';
  let total = -1;
  do {
    const page = ok(await unary(units, 'listUnits', { ...request, pageSize: 7, pageToken }, { token }));
    seen.push(...page.units);
    total = page.totalSize;
    pageToken = page.nextPageToken;
  } while (pageToken);
  return { seen, total };
}

test('a chief lists exactly the portfolio, page by page, ordered by unit id', async () => {
  const { seen, total } = await listAll(gateway.token('chief:bu-chef-1'));

  assert.equal(seen.length, total);
  assert.ok(total >= 10, `portfolio of ${total}`);
  assert.ok(seen.every((u) => u.chief === 'chiefs/bu-chef-1'));
  assert.deepEqual(seen.map((u) => u.name), [...new Set(seen.map((u) => u.name))].sort());
});

test('the administration lists every unit and filters by sector and chief; totals add up', async () => {
  const admin = gateway.tokenOfRole('administration');
  const all = ok(await unary(units, 'listUnits', { pageSize: 500 }, { token: admin }));
  const bySector = await Promise.all(['SECTOR_DAGTILBUD', 'SECTOR_SKOLE', 'SECTOR_FU'].map((sector) => listAll(admin, { sector })));
  const ofChief = await listAll(admin, { chief: 'chiefs/bu-chef-2' });

  assert.equal(all.units.length, all.totalSize);
  assert.equal(bySector.reduce((n, s) => n + s.total, 0), all.totalSize);
  assert.ok(bySector[2].seen.every((u) => u.sector === 'SECTOR_FU' && u.ageArea === 'AGE_AREA_SIX_TO_EIGHTEEN'));
  assert.ok(ofChief.seen.length > 0 && ofChief.seen.every((u) => u.chief === 'chiefs/bu-chef-2'));
});

test('a leader and a board member list their own unit only; no one but the chief and the administration may list a portfolio', async () => {
  const leader = ok(await unary(units, 'listUnits', {}, { token: gateway.token('leader:strandens-dagtilbud') }));
  const board = ok(await unary(units, 'listUnits', {}, { token: gateway.token('board:fu-egebakken') }));
  const other = failed(await unary(units, 'listUnits', { chief: 'chiefs/bu-chef-2' }, { token: gateway.token('chief:bu-chef-1') }), status.PERMISSION_DENIED);
  const portfolio = leader.units[0].chief;
  failed(await unary(units, 'listUnits', { chief: portfolio }, { token: gateway.token('leader:strandens-dagtilbud') }), status.PERMISSION_DENIED);
  failed(await unary(units, 'listUnits', { chief: 'chiefs/bu-chef-2' }, { token: gateway.token('board:fu-egebakken') }), status.PERMISSION_DENIED);

  assert.deepEqual(leader.units.map((u) => u.name), ['units/strandens-dagtilbud']);
  assert.equal(leader.units[0].subUnits.length, 6);
  assert.deepEqual(board.units.map((u) => u.name), ['units/fu-egebakken']);
  assert.match(other.details, /bu-chef-2/);
});

test('page requests are checked: negative sizes, foreign or garbled tokens are INVALID_ARGUMENT; large sizes are lowered', async () => {
  const admin = gateway.tokenOfRole('administration');
  const first = ok(await unary(units, 'listUnits', { pageSize: 2 }, { token: admin }));
  const big = ok(await unary(units, 'listUnits', { pageSize: 100000 }, { token: admin }));

  const negative = failed(await unary(units, 'listUnits', { pageSize: -1 }, { token: admin }), status.INVALID_ARGUMENT);
  const garbled = failed(await unary(units, 'listUnits', { pageToken: 'not-a-token' }, { token: admin }), status.INVALID_ARGUMENT);
  const foreign = failed(await unary(units, 'listUnits', { pageToken: first.nextPageToken, sector: 'SECTOR_FU' }, { token: admin }), status.INVALID_ARGUMENT);

  assert.equal(big.units.length, Math.min(500, big.totalSize));
  assert.ok(rpc.fieldViolations(negative).page_size);
  assert.ok(rpc.fieldViolations(garbled).page_token);
  assert.ok(rpc.fieldViolations(foreign).page_token);
});

test('GetUnit: in scope it answers; an unknown unit is NOT_FOUND for the administration and PERMISSION_DENIED for a chief', async () => {
  const unit = ok(await unary(units, 'getUnit', { name: 'units/strandens-dagtilbud' }, { token: gateway.token('board:strandens-dagtilbud') }));
  const unknownToAdmin = failed(await unary(units, 'getUnit', { name: 'units/no-such-unit' }, { token: gateway.tokenOfRole('administration') }), status.NOT_FOUND);
  const unknownToChief = failed(await unary(units, 'getUnit', { name: 'units/no-such-unit' }, { token: gateway.token('chief:bu-chef-1') }), status.PERMISSION_DENIED);
  const bad = failed(await unary(units, 'getUnit', { name: 'unit/strandens-dagtilbud' }, { token: gateway.token('chief:bu-chef-1') }), status.INVALID_ARGUMENT);

  assert.equal(unit.displayName, 'Strandens Dagtilbud');
  assert.equal(unit.sector, 'SECTOR_DAGTILBUD');
  assert.match(unknownToAdmin.details, /does not exist/);
  assert.match(unknownToChief.details, /not in the portfolio/);
  assert.deepEqual(rpc.fieldViolations(bad), { name: ['must look like units/{unit}'] });
});

const BAD_CSV = 'id,name,sector,chief,leader,board,selfOwned\nny-enhed-1,Ny Enhed,skole,bu-chef-2,leder-ny-1,,\nny-enhed-2,Anden Enhed,vuggestue,bu-chef-2,leder-ny-2,,\nny-enhed-3,,fu,bu-chef-2,leder-ny-3,,maybe\n';
const GOOD_CSV = 'id,name,sector,chief,leader,board,selfOwned,special,parent\nny-skole,Ny Skole,skole,bu-chef-2,leder-ny-skole,bestyrelse-ny-skole,false,false,\nny-skole.1,Ny Skole Afdeling Nord,,,,,,,ny-skole\n';

test('ImportUnits validate_only reports every row error and changes nothing', async () => {
  const admin = gateway.tokenOfRole('administration');
  const checked = ok(await unary(units, 'importUnits', { csvContent: BAD_CSV, validateOnly: true }, { token: admin }));

  const errors = checked.rowErrors.map((e) => `${e.line}:${e.column}`).sort();
  assert.ok(errors.includes('3:sector'), errors.join(' '));
  assert.ok(errors.includes('4:name'), errors.join(' '));
  assert.ok(errors.includes('4:selfOwned'), errors.join(' '));
  failed(await unary(units, 'getUnit', { name: 'units/ny-enhed-1' }, { token: admin }), status.NOT_FOUND);
});

test('ImportUnits of a file with errors is INVALID_ARGUMENT with a field violation per error, and nothing is imported', async () => {
  const admin = gateway.tokenOfRole('administration');
  const error = failed(await unary(units, 'importUnits', { csvContent: BAD_CSV, requestId: requestId() }, { token: admin }), status.INVALID_ARGUMENT);

  const violations = rpc.fieldViolations(error);
  assert.ok(violations['line 3: sector'], Object.keys(violations).join(', '));
  assert.ok(violations['line 4: name']);
  failed(await unary(units, 'getUnit', { name: 'units/ny-enhed-1' }, { token: admin }), status.NOT_FOUND);
});

test('ImportUnits of more than 5,000 rows is INVALID_ARGUMENT on csv_content, also with validate_only, and imports nothing', async () => {
  const admin = gateway.tokenOfRole('administration');
  const rows = Array.from({ length: 5_001 }, (_, i) => `stor-${i},Stor Enhed ${i},skole,bu-chef-2,leder-stor-${i},`).join('\n');
  const csvContent = `id,name,sector,chief,leader,board\n${rows}\n`;

  const error = failed(await unary(units, 'importUnits', { csvContent, requestId: requestId() }, { token: admin }), status.INVALID_ARGUMENT);
  const checked = failed(await unary(units, 'importUnits', { csvContent, validateOnly: true }, { token: admin }), status.INVALID_ARGUMENT);

  assert.deepEqual(rpc.fieldViolations(error), { csv_content: ['has more than 5,000 data rows; a unit import takes at most 5,000'] });
  assert.deepEqual(rpc.fieldViolations(checked), rpc.fieldViolations(error));
  failed(await unary(units, 'getUnit', { name: 'units/stor-0' }, { token: admin }), status.NOT_FOUND);
});

test('ImportUnits registers new units with their loop in the chief portfolio; a repeat with the same request_id answers the same', async () => {
  const admin = gateway.tokenOfRole('administration');
  const key = requestId();
  const imported = ok(await unary(units, 'importUnits', { csvContent: GOOD_CSV, requestId: key }, { token: admin }));
  const repeat = ok(await unary(units, 'importUnits', { csvContent: GOOD_CSV, requestId: key }, { token: admin }));
  const again = ok(await unary(units, 'importUnits', { csvContent: GOOD_CSV, requestId: requestId() }, { token: admin }));

  assert.deepEqual(imported.units, ['units/ny-skole']);
  assert.equal(imported.createdCount, 1);
  assert.deepEqual(repeat, imported);
  assert.equal(again.createdCount, 0, 'a new request with the same file changes nothing');
  const chief = gateway.token('chief:bu-chef-2');
  const unit = ok(await unary(units, 'getUnit', { name: 'units/ny-skole' }, { token: chief }));
  assert.deepEqual(unit.subUnits.map((s) => s.subUnitId), ['ny-skole.1']);
  const started = ok(await unary(loops, 'getLoop', { name: 'units/ny-skole/loop' }, { token: chief }));
  assert.equal(started.ageArea, 'AGE_AREA_SIX_TO_EIGHTEEN');
  assert.equal(started.conversations.length, 4);
});
