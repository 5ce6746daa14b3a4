'use strict';
// The local cluster of deploy/ (deploy/cluster.sh): N silo+gateway processes on one Azure Storage account (the
// test run's Azurite, TILSYN_TEST_AZURITE), started, killed with SIGKILL and started again by that script; tokens
// signed with the cluster's key; the cluster's Azure tables (its own prefix) read with @azure/data-tables for the checks.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { TableClient } = require('@azure/data-tables');
const { grpc } = require('./protos');
const { repoRoot, gatewayDll } = require('./paths');
const { signEs256 } = require('./jwt');

const execFileAsync = promisify(execFile);
const SCRIPT = path.join(repoRoot, 'deploy', 'cluster.sh');

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port whose silo ports (base + 10 i + 0..3: HTTP, gRPC, Orleans silo, Orleans gateway) are all free. */
async function freeBasePort(silos) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 120) * 100; // below the ephemeral range (32768+), so no client socket takes a port meant for a restart
    const ports = [];
    for (let i = 1; i <= silos; i++) ports.push(base + i * 10, base + i * 10 + 1, base + i * 10 + 2, base + i * 10 + 3);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free port range for the cluster');
}

class Cluster {
  constructor(dir, env, silos, basePort, tokens, store) {
    this.dir = dir;
    this.env = env;
    this.silos = silos;
    this.basePort = basePort;
    this.tokens = tokens;
    this.store = store;
  }

  /**
   * Starts `silos` processes with deploy/cluster.sh on the Azurite of TILSYN_TEST_AZURITE, in tables of a prefix of
   * their own; `settings` are configuration keys for every silo (`{ 'Clock:Start': ... }`), passed as environment variables.
   */
  static async start({ silos = 2, settings = {} } = {}) {
    if (!process.env.TILSYN_TEST_AZURITE) {
      throw new Error('TILSYN_TEST_AZURITE is not set: the cluster test needs Azurite (tests/run-all.sh starts it; or '
        + 'export TILSYN_TEST_AZURITE=$(bash tests/start-azurite.sh DIR))');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilsyn-cluster-'));
    const basePort = await freeBasePort(silos);
    const env = { ...process.env, TILSYN_CLUSTER_AZURE: '', TILSYN_CLUSTER_TABLE_PREFIX: '', TILSYN_CLUSTER_DIR: dir, TILSYN_CLUSTER_BASE_PORT: String(basePort), TILSYN_GATEWAY_DLL: gatewayDll() };
    for (const [key, value] of Object.entries(settings)) env[key.replace(/:/g, '__')] = String(value);
    await execFileAsync('bash', [SCRIPT, 'start', String(silos)], { env, maxBuffer: 16 * 1024 * 1024 });
    const { stdout } = await execFileAsync('bash', [SCRIPT, 'tokens'], { env, maxBuffer: 16 * 1024 * 1024 });
    const store = await execFileAsync('bash', [SCRIPT, 'store'], { env });
    return new Cluster(dir, env, silos, basePort, JSON.parse(stdout), JSON.parse(store.stdout));
  }

  /** The h2c address of silo `i` (1-based). */
  address(i) {
    return `127.0.0.1:${this.basePort + i * 10 + 1}`;
  }

  client(i, ServiceClient) {
    return new ServiceClient(this.address(i), grpc.credentials.createInsecure());
  }

  token(label) {
    const found = this.tokens.tokens.find((t) => t.label === label);
    if (!found) throw new Error(`no demo token '${label}'`);
    return found.token;
  }

  tokenOfRole(role) {
    return this.tokens.tokens.find((t) => t.role === role).token;
  }

  /** A token for any identity, signed with the cluster's key (as the demo tokens are). */
  mint(role, roleId, units = []) {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: this.tokens.issuer, aud: this.tokens.audience, sub: `cluster-${role}-${roleId}`, tilsyn_role: role, tilsyn_role_id: roleId, nbf: now - 5, iat: now - 5, exp: now + 3600 };
    if (units.length > 0) claims.tilsyn_unit = units;
    return signEs256(claims, fs.readFileSync(path.join(this.dir, 'shared', 'auth', 'local-signing-key.pem'), 'utf8'));
  }

  async kill(i) {
    await execFileAsync('bash', [SCRIPT, 'kill', String(i)], { env: this.env });
  }

  async startSilo(i) {
    await execFileAsync('bash', [SCRIPT, 'start-silo', String(i)], { env: this.env, maxBuffer: 16 * 1024 * 1024 });
  }

  /**
   * Every entity of the cluster's table `name` (without the prefix: 'Audit', 'Reminders', 'GrainState', 'Silos'),
   * optionally only the properties `select`; Azurite's loopback endpoint is plain HTTP.
   */
  async rows(name, select = undefined) {
    const table = TableClient.fromConnectionString(this.store.connectionString, this.store.tablePrefix + name, { allowInsecureConnection: true });
    const rows = [];
    for await (const row of table.listEntities(select ? { queryOptions: { select } } : {})) rows.push(row);
    return rows;
  }

  log(i) {
    return fs.readFileSync(path.join(this.dir, `silo-${i}.log`), 'utf8');
  }

  async stop() {
    await execFileAsync('bash', [SCRIPT, 'stop'], { env: this.env }).catch(() => {});
    // TILSYN_CLUSTER_KEEP=1 keeps the cluster folder (the silos' logs) for a look after the run.
    if (process.env.TILSYN_CLUSTER_KEEP) console.log(`cluster folder kept: ${this.dir}`);
    else fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { Cluster };
