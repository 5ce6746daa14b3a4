'use strict';
// Starts the real gateway (`dotnet <built dll>`) on free loopback ports with the in-memory store and a
// fresh data folder, waits until health says SERVING, and mints tokens with its demo-tokens command.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('./ports');
const { promisify } = require('node:util');
const { grpc, root } = require('./protos');
const { gatewayDll } = require('./paths');
const { signEs256 } = require('./jwt');
const { sleep, spawnGateway, stopProcess, waitSettled } = require('./process');

const execFileAsync = promisify(execFile);
const START_TIMEOUT_MS = Number(process.env.TILSYN_INTEROP_START_TIMEOUT_MS || 90_000);

function authMetadata(token) {
  const metadata = new grpc.Metadata();
  metadata.add('authorization', `Bearer ${token}`);
  return metadata;
}

class Gateway {
  constructor(child, dataDir, grpcPort, httpPort, tokens, logs, ownsDataDir = true) {
    this.child = child;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.grpcPort = grpcPort;
    this.httpPort = httpPort;
    this.address = `127.0.0.1:${grpcPort}`;
    this.tokens = tokens;
    this.logs = logs;
  }

  /** A client of a service constructor (e.g. `tilsyn.Units`) on the h2c port. */
  client(ServiceClient, options = {}) {
    return new ServiceClient(this.address, grpc.credentials.createInsecure(), options);
  }

  /** A demo token by label (`chief:bu-chef-1`, `leader:strandens-dagtilbud`, `administration`, ...). */
  token(label) {
    const found = this.tokens.tokens.find((t) => t.label === label);
    if (!found) throw new Error(`no demo token '${label}'; have ${this.tokens.tokens.map((t) => t.label).join(', ')}`);
    return found.token;
  }

  /** The first demo token of a role (chief, leader, board, administration, operations). */
  tokenOfRole(role) {
    const found = this.tokens.tokens.find((t) => t.role === role);
    if (!found) throw new Error(`no demo token for role '${role}'`);
    return found.token;
  }

  /**
   * A token for any identity, signed with the gateway's local key like the demo tokens (for units that
   * have no demo token): `mint('leader', 'leder-sk-skovly', ['sk-skovly'])`.
   */
  mint(role, roleId, units = [], subject = `interop-${role}-${roleId}`) {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: this.tokens.issuer, aud: this.tokens.audience, sub: subject, tilsyn_role: role, tilsyn_role_id: roleId, nbf: now - 5, iat: now - 5, exp: now + 3600 };
    if (units.length > 0) claims.tilsyn_unit = units;
    return signEs256(claims, this.localKeyPem());
  }

  /**
   * Waits until the reminders that were due when the gateway started (window opened, package released, ...)
   * are delivered: the poller delivers them in the background after start, so the tasks they raise appear
   * within a few seconds. Settled = the open-task count of all loops is the same in three reads 300 ms apart.
   */
  async settled(timeoutMs = 30_000) {
    const operations = this.client(root.tilsyn.v1.Operations);
    const token = this.tokenOfRole('operations');
    const readOpenTasks = () => new Promise((resolve) => {
      operations.getLoopHealthSummary({}, authMetadata(token), { deadline: Date.now() + 5000 }, (err, res) => resolve(err ? null : res.totals.openTasks));
    });
    try {
      await waitSettled(readOpenTasks, timeoutMs, 'open tasks ');
    } finally {
      operations.close();
    }
  }

  /** The local signing key the gateway created in its data folder (PEM). */
  localKeyPem() {
    return fs.readFileSync(path.join(this.dataDir, 'auth', 'local-signing-key.pem'), 'utf8');
  }

  async stop() {
    await stopProcess(this.child);
    if (this.ownsDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Ends the process at once with SIGKILL (a crash: no shutdown, nothing flushed); the data folder stays. */
  async kill() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}

async function mintTokens(dll, dataDir) {
  const { stdout } = await execFileAsync('dotnet', [dll, 'demo-tokens', '--json', '--Auth:Demo=true', `--Storage:DataDirectory=${dataDir}`], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

async function waitServing(address, child, logs) {
  const health = new root.grpc.health.v1.Health(address, grpc.credentials.createInsecure());
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${logs.join('')}`);
      const status = await new Promise((resolve) => {
        health.check({ service: '' }, { deadline: Date.now() + 2000 }, (err, res) => resolve(err ? null : res.status));
      });
      if (status === 'SERVING') return;
      await sleep(250);
    }
    throw new Error(`gateway not SERVING within ${START_TIMEOUT_MS} ms:\n${logs.join('')}`);
  } finally {
    health.close();
  }
}

/**
 * Starts a gateway. `settings` are extra configuration keys (`{ 'Gateway:Grpc:MaxReceiveMessageSize': '1024' }`).
 * `dataDir`: a data folder the caller owns (made with `newDataDir()`, removed by the caller), so that a second
 * gateway started on it finds what the first one stored (with `'Storage:Engine': 'sqlite'`) and signs with
 * the same key; by default every gateway gets a fresh folder of its own, removed on stop.
 */
async function startGateway(settings = {}, { dataDir: sharedDataDir } = {}) {
  const dll = gatewayDll();
  const dataDir = sharedDataDir ?? newDataDir();
  const tokens = await mintTokens(dll, dataDir);
  const grpcPort = await freePort();
  const httpPort = await freePort();
  // The co-hosted silo's ports too: test files run in parallel, and two silos must not share ports.
  const siloPort = await freePort();
  const siloGatewayPort = await freePort();
  const config = {
    'Auth:Demo': 'true',
    'Storage:Engine': 'memory',
    'Storage:DataDirectory': dataDir,
    'Gateway:Endpoints:Host': '127.0.0.1',
    'Gateway:Endpoints:GrpcPort': String(grpcPort),
    'Gateway:Endpoints:HttpPort': String(httpPort),
    'Silo:SiloPort': String(siloPort),
    'Silo:GatewayPort': String(siloGatewayPort),
    'Logging:LogLevel:Default': 'Warning',
    ...settings,
  };
  const { child, logs } = spawnGateway(dll, config, dataDir);
  const gateway = new Gateway(child, dataDir, grpcPort, httpPort, tokens, logs, sharedDataDir === undefined);
  try {
    await waitServing(gateway.address, child, logs);
  } catch (err) {
    await gateway.stop();
    throw err;
  }
  return gateway;
}

/** A fresh, empty data folder for `startGateway(settings, { dataDir })`. */
function newDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tilsyn-interop-'));
}

module.exports = { startGateway, newDataDir };
