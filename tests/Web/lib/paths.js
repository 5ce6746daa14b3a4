'use strict';
// Where things are: the gateway build the tests run, the built front end, the artifacts folder.
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const webRoot = path.join(repoRoot, 'src', 'Web', 'dist');
const artifacts = path.join(repoRoot, '.test-artifacts', 'web');

/** TILSYN_GATEWAY_DLL, else the newest of the Release and Debug builds. */
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
  if (candidates.length === 0) throw new Error('No gateway build found: run `dotnet build src/Gateway` (or set TILSYN_GATEWAY_DLL).');
  return candidates[0];
}

function builtFrontEnd() {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`The front end is not built (${webRoot}): run \`npm ci && npm run build\` in src/Web.`);
  }
  return webRoot;
}

module.exports = { repoRoot, webRoot, artifacts, gatewayDll, builtFrontEnd };
