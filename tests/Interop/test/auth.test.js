'use strict';
// Authentication: bearer tokens from the gateway's local key; missing, malformed, expired or foreign
// tokens are UNAUTHENTICATED, a valid token without a role is PERMISSION_DENIED.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startGateway } = require('../lib/gateway');
const { tilsyn } = require('../lib/protos');
const { unary, status } = require('../lib/calls');
const { signEs256, newP256Pem, adminClaims } = require('../lib/jwt');

let gateway;
let config;

before(async () => {
  gateway = await startGateway();
  config = gateway.client(tilsyn.Administration);
});

after(async () => {
  config?.close();
  await gateway?.stop();
});

const request = { name: 'wheelConfigs/skole' };
const now = () => Math.floor(Date.now() / 1000);

test('a call without a token is UNAUTHENTICATED and says how to authenticate', async () => {
  const { error } = await unary(config, 'getWheelConfig', request);

  assert.equal(error.code, status.UNAUTHENTICATED);
  assert.match(error.details, /Bearer/);
});

test('a malformed token is UNAUTHENTICATED', async () => {
  for (const token of ['garbage', 'a.b.c', 'eyJhbGciOiJub25lIn0.e30.']) {
    const { error } = await unary(config, 'getWheelConfig', request, { token });
    assert.equal(error.code, status.UNAUTHENTICATED, token);
    assert.match(error.details, /bearer token/i, token);
  }
});

test('an expired token is UNAUTHENTICATED as expired', async () => {
  const token = signEs256(adminClaims({ nbf: now() - 7200, exp: now() - 3600 }), gateway.localKeyPem());

  const { error } = await unary(config, 'getWheelConfig', request, { token });

  assert.equal(error.code, status.UNAUTHENTICATED);
  assert.equal(error.details, 'The bearer token has expired.');
});

test('a token signed with another key is UNAUTHENTICATED', async () => {
  const token = signEs256(adminClaims({ nbf: now() - 60, exp: now() + 3600 }), newP256Pem());

  const { error } = await unary(config, 'getWheelConfig', request, { token });

  assert.equal(error.code, status.UNAUTHENTICATED);
  assert.equal(error.details, "The bearer token's signature is not valid.");
});

test('a token signed with the local key by another client is accepted', async () => {
  const token = signEs256(adminClaims({ nbf: now() - 60, exp: now() + 3600 }), gateway.localKeyPem());

  const { error } = await unary(config, 'getWheelConfig', request, { token });

  assert.ok(![status.UNAUTHENTICATED, status.PERMISSION_DENIED].includes(error?.code), error?.details);
});

test('a valid token without a tilsyn role is PERMISSION_DENIED naming the claim', async () => {
  const claims = { ...adminClaims({ nbf: now() - 60, exp: now() + 3600 }) };
  delete claims.tilsyn_role;
  const token = signEs256(claims, gateway.localKeyPem());

  const { error } = await unary(config, 'getWheelConfig', request, { token });

  assert.equal(error.code, status.PERMISSION_DENIED);
  assert.match(error.details, /tilsyn_role/);
});

test('every demo token is accepted', async () => {
  for (const { label, token } of gateway.tokens.tokens) {
    const { error } = await unary(config, 'getWheelConfig', request, { token });
    assert.notEqual(error?.code, status.UNAUTHENTICATED, label);
  }
});
