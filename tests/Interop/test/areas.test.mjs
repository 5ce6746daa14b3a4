// tilsyn.v1.Areas through the real grpc-js client: political themes per loop of an age area (read by the
// line, set by the administration and pushed to the units), and the committee overviews of focus areas
// and the summing-up. The domain clock starts on 20 April 2026: 6-18/2026 has just started.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';
import rpc from '../lib/rpcstatus.js';

const { tilsyn } = protos;
const { unary, status } = calls;
const { ts, addDays, ok, failed, requestId } = loop;
const START = new Date('2026-04-20T08:00:00Z');

let gateway;
let areas;

before(async () => {
  gateway = await gatewayLib.startGateway({ 'Clock:Start': START.toISOString() });
  await gateway.settled();
  areas = gateway.client(tilsyn.Areas);
});

after(async () => {
  areas?.close();
  await gateway?.stop();
});

test('the themes of the running loops are set by the demo; a loop without themes answers version 0', async () => {
  const chief = gateway.token('chief:bu-chef-1');
  const sixToEighteen = ok(await unary(areas, 'getThemes', { name: 'areas/6-18/loops/2026/themes' }, { token: chief }));
  const zeroToSix = ok(await unary(areas, 'getThemes', { name: 'areas/0-6/loops/2025/themes' }, { token: gateway.token('board:strandens-dagtilbud') }));
  const later = ok(await unary(areas, 'getThemes', { name: 'areas/6-18/loops/2032/themes' }, { token: chief }));

  assert.equal(sixToEighteen.loopId, '6-18/2026');
  assert.equal(sixToEighteen.version, 1);
  assert.ok(sixToEighteen.themes.some((t) => t.code === 'FAGLIGHED'));
  assert.ok(zeroToSix.themes.some((t) => t.code === 'SPROG'));
  assert.deepEqual([later.version, later.themes.length, later.name], [0, 0, 'areas/6-18/loops/2032/themes']);
});

test('loop names are checked: the area and a report year of it (0-6 odd, 6-18 even)', async () => {
  const chief = gateway.token('chief:bu-chef-1');
  const wrongYear = failed(await unary(areas, 'getThemes', { name: 'areas/0-6/loops/2026/themes' }, { token: chief }), status.INVALID_ARGUMENT);
  const wrongArea = failed(await unary(areas, 'getThemes', { name: 'areas/7-12/loops/2026/themes' }, { token: chief }), status.INVALID_ARGUMENT);

  assert.match(rpc.fieldViolations(wrongYear).name[0], /odd/);
  assert.match(rpc.fieldViolations(wrongArea).name[0], /0-6 or 6-18/);
});

test('the administration sets a new version of the themes and the units of the loop get it; duplicates are field violations', async () => {
  const admin = gateway.tokenOfRole('administration');
  const themes = [{ code: 'TRIVSEL', title: 'Trivsel og fællesskaber' }, { code: 'DIGITAL', title: 'Digital dannelse' }];
  const set = ok(await unary(areas, 'setThemes', { name: 'areas/6-18/loops/2026/themes', themes, requestId: requestId() }, { token: admin }));
  const loops = gateway.client(tilsyn.Loops);
  const unitLoop = ok(await unary(loops, 'getLoop', { name: 'units/langagerskolen/loop' }, { token: gateway.token('leader:langagerskolen') }));
  loops.close();
  const duplicate = failed(await unary(areas, 'setThemes', { name: 'areas/6-18/loops/2026/themes', themes: [themes[0], themes[0]] }, { token: admin }), status.INVALID_ARGUMENT);
  failed(await unary(areas, 'setThemes', { name: 'areas/6-18/loops/2026/themes', themes }, { token: gateway.token('chief:bu-chef-1') }), status.PERMISSION_DENIED);

  assert.equal(set.version, 2);
  assert.equal(set.set.actor, 'administration:forvaltningen-1');
  assert.deepEqual(unitLoop.themes.map((t) => t.code), ['TRIVSEL', 'DIGITAL']);
  assert.ok(rpc.fieldViolations(duplicate)['themes[1].code']);
});

test('the focus-area overview lists the units that chose, counts per theme; the summing-up overview lists every unit', async () => {
  const admin = gateway.tokenOfRole('administration');
  const loops = gateway.client(tilsyn.Loops);
  const chief = gateway.token('chief:bu-chef-3');
  const first = 'units/langagerskolen/loop/conversations/2026-Spring';
  ok(await unary(loops, 'scheduleConversation', { name: first, scheduledFor: ts(addDays(START, 1)) }, { token: chief }));
  ok(await unary(loops, 'holdConversation', { name: first, heldAt: ts(START) }, { token: chief }));
  const theme = ok(await unary(areas, 'getThemes', { name: 'areas/6-18/loops/2026/themes' }, { token: chief })).themes[0].code;
  ok(await unary(loops, 'chooseFocusAreas', { name: 'units/langagerskolen/loop', focusAreas: [{ themeCode: theme, title: 'Trivsel i 7. klasse' }] }, { token: chief }));
  loops.close();

  const overview = ok(await unary(areas, 'getFocusAreaOverview', { name: 'areas/6-18/loops/2026/focusAreaOverview' }, { token: admin }));
  const opsamling = ok(await unary(areas, 'getOpsamlingOverview', { name: 'areas/6-18/loops/2026/opsamlingOverview' }, { token: admin }));
  failed(await unary(areas, 'getFocusAreaOverview', { name: 'areas/6-18/loops/2026/focusAreaOverview' }, { token: chief }), status.PERMISSION_DENIED);

  const entry = overview.entries.find((e) => e.unit === 'units/langagerskolen');
  assert.equal(entry?.focusAreas[0].title, 'Trivsel i 7. klasse');
  assert.equal(entry.unitDisplayName, 'Langagerskolen');
  assert.ok(overview.unitsPerTheme.some((c) => c.themeCode === theme && c.unitCount >= 1));
  assert.ok(overview.unitCount > 50, `${overview.unitCount} units of 6-18`);
  assert.equal(opsamling.entries.length, overview.unitCount);
  assert.equal(opsamling.submittedCount, 0);
  assert.deepEqual(opsamling.due, { year: 2028, month: 1, day: 15 });
});
