'use strict';
// The local cluster of deploy/ (deploy/cluster.sh): N silo+gateway processes on one PostgreSQL database
// (TILSYN_CLUSTER_PG), started, killed with SIGKILL and started again by that script; tokens signed with the
// cluster's key; the database read with psql for the checks.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
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

/** A base port whose silo ports (base + 10 i, base + 10 i + 1) are all free. */
async function freeBasePort(silos) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 120) * 100; // below the ephemeral range (32768+), so no client socket takes a port meant for a restart
    const ports = [];
    for (let i = 1; i <= silos; i++) ports.push(base + i * 10, base + i * 10 + 1);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free port range for the cluster');
}

/** libpq environment from an Npgsql connection string (Host=..;Port=..;Username=..;Password=..;Database=..). */
function libpqEnvironment(connectionString) {
  const parts = Object.fromEntries(connectionString.split(';').filter(Boolean).map((kv) => {
    const at = kv.indexOf('=');
    return [kv.slice(0, at).trim().toLowerCase(), kv.slice(at + 1).trim()];
  }));
  return { PGHOST: parts.host, PGPORT: parts.port || '5432', PGUSER: parts.username, PGPASSWORD: parts.password, PGDATABASE: parts.database };
}

class Cluster {
  constructor(dir, env, silos, basePort, tokens) {
    this.dir = dir;
    this.env = env;
    this.silos = silos;
    this.basePort = basePort;
    this.tokens = tokens;
  }

  /**
   * Starts `silos` processes with deploy/cluster.sh on the database in TILSYN_CLUSTER_PG; `settings` are
   * configuration keys for every silo (`{ 'Clock:Start': ... }`), passed as environment variables.
   */
  static async start({ silos = 2, settings = {} } = {}) {
    const pg = process.env.TILSYN_CLUSTER_PG;
    if (!pg) throw new Error('TILSYN_CLUSTER_PG is not set: the cluster test needs an empty PostgreSQL database (the Gateway.Tests runner creates one)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilsyn-cluster-'));
    const basePort = await freeBasePort(silos);
    const env = { ...process.env, TILSYN_CLUSTER_DIR: dir, TILSYN_CLUSTER_BASE_PORT: String(basePort), TILSYN_GATEWAY_DLL: gatewayDll() };
    for (const [key, value] of Object.entries(settings)) env[key.replace(/:/g, '__')] = String(value);
    await execFileAsync('bash', [SCRIPT, 'start', String(silos)], { env, maxBuffer: 16 * 1024 * 1024 });
    const { stdout } = await execFileAsync('bash', [SCRIPT, 'tokens'], { env, maxBuffer: 16 * 1024 * 1024 });
    return new Cluster(dir, env, silos, basePort, JSON.parse(stdout));
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

  /** Rows of a query as arrays of strings (psql, unaligned, tab-separated). */
  async sql(query) {
    const { stdout } = await execFileAsync('psql', ['-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', query], {
      env: { ...process.env, ...libpqEnvironment(process.env.TILSYN_CLUSTER_PG) },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.split('\n').filter((line) => line.length > 0).map((line) => line.split('\t'));
  }

  log(i) {
    return fs.readFileSync(path.join(this.dir, `silo-${i}.log`), 'utf8');
  }

  async stop() {
    await execFileAsync('bash', [SCRIPT, 'stop'], { env: this.env }).catch(() => {});
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { Cluster, libpqEnvironment };
