'use strict';
// Protocol behaviour that holds for every service: unknown services and methods.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startGateway } = require('../lib/gateway');
const { grpc } = require('../lib/protos');
const { rawUnary, status } = require('../lib/calls');

let gateway;
let raw;

before(async () => {
  gateway = await startGateway();
  raw = new grpc.Client(gateway.address, grpc.credentials.createInsecure());
});

after(async () => {
  raw?.close();
  await gateway?.stop();
});

test('an unknown service is UNIMPLEMENTED, also without a token', async () => {
  const { error } = await rawUnary(raw, '/tilsyn.v1.NoSuchService/Get');

  assert.equal(error.code, status.UNIMPLEMENTED);
});

test('an unknown method of a known service is UNIMPLEMENTED', async () => {
  const { error } = await rawUnary(raw, '/tilsyn.v1.Units/DeleteEverything', Buffer.alloc(0), { token: gateway.token('administration') });

  assert.equal(error.code, status.UNIMPLEMENTED);
});
