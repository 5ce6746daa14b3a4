'use strict';
// Loads the .proto files from the repository (never copies of them) with @grpc/proto-loader.
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { contractsProtos, standardProtos } = require('./paths');

const loaderOptions = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [contractsProtos, ...Object.values(standardProtos())],
};

/** Every tilsyn.v1 file, relative to src/Contracts/Protos. */
function tilsynFiles() {
  const dir = path.join(contractsProtos, 'tilsyn', 'v1');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.proto')).sort().map((f) => `tilsyn/v1/${f}`);
}

const files = [
  ...tilsynFiles(),
  'health/v1/health.proto',
  'grpc/reflection/v1/reflection.proto',
  'google/rpc/status.proto',
  'google/rpc/error_details.proto',
];

const packageDefinition = protoLoader.loadSync(files, loaderOptions);
const root = grpc.loadPackageDefinition(packageDefinition);

/** The service constructors of tilsyn.v1 by short name (Units, Loops, ...). */
const tilsyn = root.tilsyn.v1;

/** Names of the services declared in tilsyn.v1, fully qualified. */
const tilsynServiceNames = Object.keys(packageDefinition)
  .filter((name) => name.startsWith('tilsyn.v1.') && packageDefinition[name].format === undefined)
  .filter((name) => Object.values(packageDefinition[name]).some((m) => m && m.path))
  .sort();

/** Every tilsyn.v1 method: { service, method, path, requestStream, responseStream }. */
const tilsynMethods = tilsynServiceNames.flatMap((service) =>
  Object.entries(packageDefinition[service]).map(([method, d]) => ({
    service,
    method,
    path: d.path,
    requestStream: d.requestStream,
    responseStream: d.responseStream,
    requestType: d.requestType,
  })),
);

module.exports = { grpc, packageDefinition, root, tilsyn, tilsynServiceNames, tilsynMethods };
