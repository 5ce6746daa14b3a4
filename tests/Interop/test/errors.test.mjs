// The error model of tilsyn.v1 as a real client sees it (common.proto): each status with its rich details
// decoded from grpc-status-details-bin, deadlines (the server ends calls at the grpc-timeout it was sent)
// and client cancellation, after which the gateway keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';
import rpc from '../lib/rpcstatus.js';
import jwt from '../lib/jwt.js';

const { tilsyn } = protos;
const { unary, auth, status } = calls;
const { ts, addDays, ok, failed, requestId, firstMinutes } = loop;
const START = new Date('2026-04-20T08:00:00Z');
const FIRST = 'units/strandens-dagtilbud/loop/conversations/2026-Spring';

let gateway;
let loops;
let inbox;
let operations;

before(async () => {
  gateway = await gatewayLib.startGateway({ 'Clock:Start': START.toISOString() });
  await gateway.settled();
  loops = gateway.client(tilsyn.Loops);
  inbox = gateway.client(tilsyn.Inbox);
  operations = gateway.client(tilsyn.Operations);
});

after(async () => {
  [loops, inbox, operations].forEach((c) => c?.close());
  await gateway?.stop();
});

const chief = () => gateway.token('chief:bu-chef-1');

test('UNAUTHENTICATED: no token, a garbled token, an expired token', async () => {
  const none = failed(await unary(loops, 'getLoop', { name: 'units/strandens-dagtilbud/loop' }), status.UNAUTHENTICATED);
  const garbled = failed(await unary(loops, 'getLoop', { name: 'units/strandens-dagtilbud/loop' }, { token: 'abc.def.ghi' }), status.UNAUTHENTICATED);
  const now = Math.floor(Date.now() / 1000);
  const expired = jwt.signEs256({ ...jwt.adminClaims({ nbf: now - 7200, exp: now - 3600 }) }, gateway.localKeyPem());
  const late = failed(await unary(loops, 'getLoop', { name: 'units/strandens-dagtilbud/loop' }, { token: expired }), status.UNAUTHENTICATED);

  assert.match(none.details, /[Aa]uthentication|token/);
  assert.ok(garbled.details.length > 0);
  assert.match(late.details, /expired/);
});

test('PERMISSION_DENIED says why: another portfolio, another unit, operations and meeting content', async () => {
  const otherChief = failed(await unary(loops, 'getLoop', { name: 'units/strandens-dagtilbud/loop' }, { token: gateway.token('chief:bu-chef-2') }), status.PERMISSION_DENIED);
  const otherLeader = failed(await unary(loops, 'getConversation', { name: FIRST }, { token: gateway.token('leader:langagerskolen') }), status.PERMISSION_DENIED);
  const ops = failed(await unary(loops, 'getConversation', { name: FIRST }, { token: gateway.tokenOfRole('operations') }), status.PERMISSION_DENIED);
  const board = failed(await unary(loops, 'getConversation', { name: FIRST }, { token: gateway.token('board:strandens-dagtilbud') }), status.PERMISSION_DENIED);

  assert.match(otherChief.details, /not in the portfolio of chief bu-chef-2/);
  assert.match(otherLeader.details, /not a unit of leader/);
  assert.match(ops.details, /never meeting content/);
  assert.match(board.details, /self-owned/);
});

test('NOT_FOUND for what does not exist, told only to who could see it', async () => {
  const admin = failed(await unary(loops, 'getLoop', { name: 'units/no-such-unit/loop' }, { token: gateway.tokenOfRole('administration') }), status.NOT_FOUND);
  const conversation = failed(await unary(loops, 'getConversation', { name: 'units/strandens-dagtilbud/loop/conversations/2019-Spring' }, { token: chief() }), status.NOT_FOUND);
  const task = failed(await unary(inbox, 'completeTask', { name: 'units/strandens-dagtilbud/tasks/Nothing~here' }, { token: chief() }), status.NOT_FOUND);
  failed(await unary(loops, 'getLoop', { name: 'units/no-such-unit/loop' }, { token: chief() }), status.PERMISSION_DENIED);

  assert.match(admin.details, /does not exist/);
  assert.match(conversation.details, /2019-Spring/);
  assert.match(task.details, /no task/);
});

test('INVALID_ARGUMENT carries a google.rpc.BadRequest with every field violation on request field paths', async () => {
  const missing = failed(await unary(loops, 'scheduleConversation', { name: FIRST }, { token: chief() }), status.INVALID_ARGUMENT);
  const past = failed(await unary(loops, 'scheduleConversation', { name: FIRST, scheduledFor: ts(addDays(START, -30)) }, { token: chief() }), status.INVALID_ARGUMENT);
  const longKey = failed(await unary(loops, 'scheduleConversation', { name: FIRST, scheduledFor: ts(addDays(START, 3)), requestId: 'x'.repeat(65) }, { token: chief() }), status.INVALID_ARGUMENT);

  const details = rpc.statusDetails(missing);
  assert.equal(details.code, status.INVALID_ARGUMENT);
  assert.equal(details.details[0].type, 'google.rpc.BadRequest');
  assert.deepEqual(rpc.fieldViolations(missing), { scheduled_for: ['is required'] });
  assert.deepEqual(rpc.fieldViolations(past).scheduled_for, ['cannot be in the past']);
  assert.ok(rpc.fieldViolations(longKey).request_id);
});

test('FAILED_PRECONDITION with a google.rpc.PreconditionFailure: minutes of a conversation not held', async () => {
  const units = gateway.client(tilsyn.Units);
  const unit = ok(await unary(units, 'getUnit', { name: 'units/strandens-dagtilbud' }, { token: chief() }));
  units.close();
  const error = failed(await unary(loops, 'submitConversationRecord', { name: FIRST, record: firstMinutes(unit, START) }, { token: chief() }), status.FAILED_PRECONDITION);

  const [violation] = rpc.preconditionViolations(error);
  assert.equal(violation.type, 'STATE');
  assert.equal(violation.subject, FIRST);
  assert.match(violation.description, /has not been held/);
});

test('ALREADY_EXISTS and ABORTED: a second submission, a correction that lost the race', async () => {
  const units = gateway.client(tilsyn.Units);
  const unit = ok(await unary(units, 'getUnit', { name: 'units/strandens-dagtilbud' }, { token: chief() }));
  units.close();
  ok(await unary(loops, 'scheduleConversation', { name: FIRST, scheduledFor: ts(addDays(START, 2)) }, { token: chief() }));
  ok(await unary(loops, 'holdConversation', { name: FIRST, heldAt: ts(START) }, { token: chief() }));
  const minutes = firstMinutes(unit, START);
  ok(await unary(loops, 'submitConversationRecord', { name: FIRST, record: minutes }, { token: chief() }));
  ok(await unary(loops, 'correctConversationRecord', { name: FIRST, record: minutes, reason: 'Deltagerlisten', expectedVersion: 1 }, { token: chief() }));

  failed(await unary(loops, 'submitConversationRecord', { name: FIRST, record: minutes }, { token: chief() }), status.ALREADY_EXISTS);
  failed(await unary(loops, 'correctConversationRecord', { name: FIRST, record: minutes, reason: 'Igen', expectedVersion: 1 }, { token: chief() }), status.ABORTED);
});

test('DEADLINE_EXCEEDED: a deadline shorter than the work ends the call, and the gateway keeps serving', async () => {
  const results = await Promise.all(Array.from({ length: 5 }, () => unary(operations, 'getLoopHealthSummary', {}, { token: gateway.tokenOfRole('operations'), deadlineMs: 1 })));
  const afterwards = ok(await unary(operations, 'getLoopHealthSummary', {}, { token: gateway.tokenOfRole('operations') }));

  assert.ok(results.every((r) => r.error?.code === status.DEADLINE_EXCEEDED), results.map((r) => r.error?.code).join(','));
  assert.equal(afterwards.unitCount, 103);
});

test('the server itself ends a call at its grpc-timeout with DEADLINE_EXCEEDED in the trailers', async () => {
  const session = http2.connect(`http://${gateway.address}`);
  try {
    const body = protos.packageDefinition['tilsyn.v1.Inbox'].WatchInbox.requestSerialize({ parent: 'chiefs/bu-chef-1' });
    const frame = Buffer.concat([Buffer.from([0, 0, 0, 0, 0]), body]);
    frame.writeUInt32BE(body.length, 1);
    const stream = session.request({
      ':method': 'POST', ':path': '/tilsyn.v1.Inbox/WatchInbox', 'content-type': 'application/grpc', te: 'trailers',
      'grpc-timeout': '2S', authorization: `Bearer ${chief()}`,
    });
    const trailers = new Promise((resolve) => stream.on('trailers', resolve));
    const received = [];
    stream.on('data', (d) => received.push(d));
    stream.end(frame);

    const end = await trailers;

    assert.equal(end['grpc-status'], String(status.DEADLINE_EXCEEDED));
    assert.ok(Buffer.concat(received).length > 5, 'the snapshot came before the deadline');
  } finally {
    session.close();
  }
});

test('CANCELLED: calls cancelled by the client end, and the gateway keeps serving', async () => {
  const token = gateway.tokenOfRole('operations');
  const pending = Array.from({ length: 6 }, () => new Promise((resolve) => {
    const call = operations.getLoopHealthSummary({}, auth(token), (error) => resolve(error));
    setImmediate(() => call.cancel());
  }));
  const errors = await Promise.all(pending);
  const afterwards = ok(await unary(operations, 'getLoopHealthSummary', {}, { token }));

  assert.ok(errors.every((e) => e?.code === status.CANCELLED));
  assert.equal(afterwards.unitCount, 103);
});
