'use strict';
// Where things are: the gateway build the tests run, the built front end, the artifacts folder.
const fs = require('node:fs');
const path = require('node:path');

// The repository root and the gateway build are found as the interop suite finds them (a file without packages).
const { repoRoot, gatewayDll } = require('../../Interop/lib/paths');

const webRoot = path.join(repoRoot, 'src', 'Web', 'dist');
const artifacts = path.join(repoRoot, '.test-artifacts', 'web');

function builtFrontEnd() {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`The front end is not built (${webRoot}): run \`npm ci && npm run build\` in src/Web.`);
  }
  return webRoot;
}

module.exports = { repoRoot, webRoot, artifacts, gatewayDll, builtFrontEnd };
