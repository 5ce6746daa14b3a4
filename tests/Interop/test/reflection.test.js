'use strict';
// Server reflection (grpc.reflection.v1): generic tools can list and describe the API.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startGateway } = require('../lib/gateway');
const { root, tilsynServiceNames } = require('../lib/protos');

let gateway;
let reflection;

before(async () => {
  gateway = await startGateway();
  reflection = gateway.client(root.grpc.reflection.v1.ServerReflection);
});

after(async () => {
  reflection?.close();
  await gateway?.stop();
});

/** Sends the requests on one reflection stream and returns the responses in order. */
function ask(...requests) {
  return new Promise((resolve, reject) => {
    const call = reflection.serverReflectionInfo({ deadline: Date.now() + 10_000 });
    const responses = [];
    call.on('data', (r) => {
      responses.push(r);
      if (responses.length === requests.length) call.end();
    });
    call.on('error', reject);
    call.on('end', () => resolve(responses));
    requests.forEach((r) => call.write(r));
  });
}

test('ListServices names every tilsyn.v1 service, health and reflection', async () => {
  const [response] = await ask({ listServices: '*' });

  const names = response.listServicesResponse.service.map((s) => s.name);
  for (const service of tilsynServiceNames) assert.ok(names.includes(service), `${service} is listed`);
  assert.ok(names.includes('grpc.health.v1.Health'));
  assert.ok(names.includes('grpc.reflection.v1.ServerReflection'));
  assert.equal(tilsynServiceNames.length, 8);
});

test('FileContainingSymbol returns the service file with its dependencies', async () => {
  const [response] = await ask({ fileContainingSymbol: 'tilsyn.v1.Loops' });

  const files = response.fileDescriptorResponse.fileDescriptorProto.map((b) => Buffer.from(b));
  assert.ok(files.some((f) => f.includes('tilsyn/v1/loops.proto')));
  assert.ok(files.some((f) => f.includes('tilsyn/v1/common.proto')));
});

test('an unknown symbol is answered with NOT_FOUND in the stream', async () => {
  const [response] = await ask({ fileContainingSymbol: 'tilsyn.v1.NoSuchThing' });

  assert.equal(response.errorResponse.errorCode, 5);
});
