'use strict';
// grpc.health.v1.Health: Check and Watch, with deadlines and client cancellation.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startGateway } = require('../lib/gateway');
const { root } = require('../lib/protos');
const { unary, collect, status } = require('../lib/calls');

let gateway;
let health;

before(async () => {
  gateway = await startGateway();
  health = gateway.client(root.grpc.health.v1.Health);
});

after(async () => {
  health?.close();
  await gateway?.stop();
});

test('Check of the whole server is SERVING', async () => {
  const { response, error } = await unary(health, 'check', { service: '' });

  assert.equal(error, undefined);
  assert.equal(response.status, 'SERVING');
});

test('Check of every tilsyn.v1 service is SERVING', async () => {
  for (const service of ['tilsyn.v1.Units', 'tilsyn.v1.Loops', 'tilsyn.v1.Inbox', 'tilsyn.v1.Operations']) {
    const { response, error } = await unary(health, 'check', { service });
    assert.equal(error, undefined, service);
    assert.equal(response.status, 'SERVING', service);
  }
});

test('Check of an unknown service is NOT_FOUND', async () => {
  const { error } = await unary(health, 'check', { service: 'tilsyn.v1.NoSuchService' });

  assert.equal(error.code, status.NOT_FOUND);
});

test('Watch sends the current status and ends with DEADLINE_EXCEEDED at the deadline', async () => {
  const started = Date.now();
  const call = health.watch({ service: '' }, { deadline: Date.now() + 1500 });

  const { messages, error } = await collect(call);

  assert.equal(messages[0]?.status, 'SERVING');
  assert.equal(error?.code, status.DEADLINE_EXCEEDED);
  assert.ok(Date.now() - started >= 1000, 'the stream stayed open until about the deadline');
});

test('Watch cancelled by the client ends as CANCELLED and the server keeps serving', async () => {
  const call = health.watch({ service: '' });
  const first = await new Promise((resolve) => call.once('data', resolve));
  const ended = collect(call);

  call.cancel();
  const { error } = await ended;
  const { response } = await unary(health, 'check', { service: '' });

  assert.equal(first.status, 'SERVING');
  assert.equal(error.code, status.CANCELLED);
  assert.equal(response.status, 'SERVING');
});

test('many cancelled watches leave the server healthy', async () => {
  const calls = Array.from({ length: 20 }, () => health.watch({ service: '' }));
  await Promise.all(calls.map((c) => new Promise((resolve) => c.once('data', resolve))));
  const ended = calls.map((c) => collect(c));

  calls.forEach((c) => c.cancel());
  const results = await Promise.all(ended);
  const { response } = await unary(health, 'check', { service: '' });

  assert.ok(results.every((r) => r.error?.code === status.CANCELLED));
  assert.equal(response.status, 'SERVING');
});
