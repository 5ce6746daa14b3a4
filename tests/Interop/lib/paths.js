'use strict';
// Where things are in the repository, and which gateway build the suite runs.
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const contractsProtos = path.join(repoRoot, 'src', 'Contracts', 'Protos');

/** The folder of an npm package of this suite. */
function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** The import roots of the standard .proto files, from npm packages of this suite (a function, so that the suites that
 * only need the paths above load without these packages): google/api and google/rpc from google-proto-files,
 * health/v1/health.proto (grpc.health.v1) from grpc-health-check, grpc/reflection/v1 from @grpc/reflection. */
function standardProtos() {
  return {
    google: packageDir('google-proto-files'),
    health: path.join(packageDir('grpc-health-check'), 'proto'),
    reflection: path.join(packageDir('@grpc/reflection'), 'build', 'proto'),
  };
}

/** The built gateway: TILSYN_GATEWAY_DLL, else the newest of the Release and Debug builds. */
function gatewayDll() {
  const fromEnv = process.env.TILSYN_GATEWAY_DLL;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`TILSYN_GATEWAY_DLL=${fromEnv} does not exist`);
    return fromEnv;
  }
  const candidates = ['Release', 'Debug']
    .map((c) => path.join(repoRoot, 'src', 'Gateway', 'bin', c, 'net10.0', 'OrleansTilsyn.Gateway.dll'))
    .filter((p) => fs.existsSync(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (candidates.length === 0) {
    throw new Error('No gateway build found: run `dotnet build src/Gateway` (or set TILSYN_GATEWAY_DLL).');
  }
  return candidates[0];
}

module.exports = { repoRoot, contractsProtos, standardProtos, gatewayDll };
