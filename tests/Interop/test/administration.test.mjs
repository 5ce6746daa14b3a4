// tilsyn.v1.Administration through the real grpc-js client: the versioned annual wheel per sector and flags.
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
let admin;

before(async () => {
  gateway = await gatewayLib.startGateway({ 'Clock:Start': '2026-04-20T08:00:00Z' });
  await gateway.settled();
  admin = gateway.client(tilsyn.Administration);
});

after(async () => {
  admin?.close();
  await gateway?.stop();
});

test('without versions the built-in default is in force: the framework dates and cadences', async () => {
  const config = ok(await unary(admin, 'getWheelConfig', { name: 'wheelConfigs/skole' }, { token: gateway.token('chief:bu-chef-1') }));

  assert.equal(config.sector, 'SECTOR_SKOLE');
  assert.deepEqual(config.versions, []);
  assert.equal(config.inForce.version, 0);
  assert.deepEqual(config.inForce.settings.qualityReportTreated, { month: 3, day: 31 });
  assert.equal(config.inForce.settings.minutesDueDays, 14);
  assert.equal(config.inForce.settings.oneToOnesPerYear, 6);
  assert.deepEqual(config.inForce.settings.seasons.map((s) => s.season), ['SEASON_SPRING', 'SEASON_AUTUMN']);
});

test('a self-owned daycare wheel has the board at every conversation instead of the chief', async () => {
  const config = ok(await unary(admin, 'getWheelConfig', { name: 'wheelConfigs/dagtilbud-self-owned' }, { token: gateway.token('leader:dt-havbrisen') }));
  const roles = config.inForce.settings.participants.map((p) => `${p.role}/${p.attendance}`);

  assert.equal(config.selfOwned, true);
  assert.ok(roles.includes('PARTICIPANT_ROLE_BOARD_REPRESENTATIVE/ATTENDANCE_EVERY_CONVERSATION'));
  assert.ok(!roles.some((r) => r.startsWith('PARTICIPANT_ROLE_CHIEF/')));
});

test('the administration adds a version for later loops; the one in force today stays', async () => {
  const token = gateway.tokenOfRole('administration');
  const current = ok(await unary(admin, 'getWheelConfig', { name: 'wheelConfigs/fu-special' }, { token }));
  const settings = { ...current.inForce.settings, oneToOnesPerYear: 3 };
  const added = ok(await unary(admin, 'addWheelVersion', {
    parent: 'wheelConfigs/fu-special', effectiveFrom: { year: 2027, month: 1, day: 1 }, settings, reason: 'Specialområdet: tre 1:1 om året', requestId: requestId(),
  }, { token }));
  const after = ok(await unary(admin, 'getWheelConfig', { name: 'wheelConfigs/fu-special' }, { token }));

  assert.equal(added.name, 'wheelConfigs/fu-special/versions/1');
  assert.equal(added.settings.oneToOnesPerYear, 3);
  assert.equal(added.changed.actor, 'administration:forvaltningen-1');
  assert.deepEqual(after.versions.map((v) => v.version), [1]);
  assert.equal(after.inForce.version, 0);
});

test('a version is checked field by field: past effect, impossible windows, unset enums', async () => {
  const token = gateway.tokenOfRole('administration');
  const current = ok(await unary(admin, 'getWheelConfig', { name: 'wheelConfigs/skole' }, { token }));
  const seasons = current.inForce.settings.seasons.map((s) => ({ ...s }));
  seasons[0].windowClose = { month: 2, day: 1 };
  const past = failed(await unary(admin, 'addWheelVersion', {
    parent: 'wheelConfigs/skole', effectiveFrom: { year: 2025, month: 1, day: 1 }, settings: { ...current.inForce.settings, seasons, minutesDueDays: 0 }, reason: 'Test',
  }, { token }), status.INVALID_ARGUMENT);
  const unset = failed(await unary(admin, 'addWheelVersion', {
    parent: 'wheelConfigs/skole', effectiveFrom: { year: 2027, month: 2, day: 30 }, settings: { ...current.inForce.settings, conversationSeasons: ['SEASON_UNSPECIFIED'] }, reason: 'Test',
  }, { token }), status.INVALID_ARGUMENT);
  const key = failed(await unary(admin, 'getWheelConfig', { name: 'wheelConfigs/skole-self-owned' }, { token }), status.INVALID_ARGUMENT);
  failed(await unary(admin, 'addWheelVersion', { parent: 'wheelConfigs/skole' }, { token: gateway.token('chief:bu-chef-1') }), status.PERMISSION_DENIED);
  failed(await unary(admin, 'getWheelConfig', { name: 'wheelConfigs/skole' }, { token: gateway.token('board:langagerskolen') }), status.PERMISSION_DENIED);

  const pastFields = Object.keys(rpc.fieldViolations(past));
  for (const field of ['effective_from', 'settings.seasons[0].window_close', 'settings.minutes_due_days']) assert.ok(pastFields.includes(field), `${field} in ${pastFields.join(', ')}`);
  assert.deepEqual(Object.keys(rpc.fieldViolations(unset)).sort(), ['effective_from', 'settings.conversation_seasons[0]']);
  assert.ok(rpc.fieldViolations(key).name);
});
