'use strict';
// Starts the real gateway (`dotnet <built dll>`) with the built front end (Web:Root), the in-memory store,
// a fresh data folder and free loopback ports; waits until it serves the front end's config and the loops
// have settled (the reminders due at start delivered). Calls the API with protobuf-JSON for setup steps.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('../../Interop/lib/ports');
const { gatewayDll, builtFrontEnd } = require('./paths');

const START_TIMEOUT_MS = Number(process.env.TILSYN_WEB_START_TIMEOUT_MS || 90_000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Gateway {
  constructor(child, dataDir, url, logs) {
    this.child = child;
    this.dataDir = dataDir;
    this.url = url;
    this.logs = logs;
  }

  /** A demo token through the front end's own demo sign-in endpoint. */
  async token(label) {
    const response = await fetch(`${this.url}/web/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label }) });
    if (!response.ok) throw new Error(`demo sign-in ${label}: ${response.status} ${await response.text()}`);
    return (await response.json()).token;
  }

  /** A unary tilsyn.v1 call as protobuf-JSON: `call('tilsyn.v1.Loops/GetLoop', {...}, token)`. */
  async call(method, body, token) {
    const response = await fetch(`${this.url}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method}: ${response.status} ${text}`);
    return JSON.parse(text);
  }

  /** Waits until the open-task count of all loops is the same in three reads 300 ms apart. */
  async settled(timeoutMs = 30_000) {
    const token = await this.token('operations');
    const deadline = Date.now() + timeoutMs;
    const seen = [];
    while (Date.now() < deadline) {
      try {
        const summary = await this.call('tilsyn.v1.Operations/GetLoopHealthSummary', {}, token);
        seen.push(summary.totals?.openTasks ?? 0);
      } catch {
        seen.push(null);
      }
      if (seen.length >= 3 && seen.slice(-3).every((c) => c !== null && c === seen.at(-1))) return;
      await sleep(300);
    }
    throw new Error(`the loops did not settle within ${timeoutMs} ms: ${seen.join(', ')}`);
  }

  async stop() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Starts a gateway serving the built front end. `settings` are extra configuration keys. */
async function startGateway(settings = {}) {
  const dll = gatewayDll();
  const webRoot = builtFrontEnd();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilsyn-web-'));
  const httpPort = await freePort();
  const config = {
    'Storage:Engine': 'memory',
    'Storage:DataDirectory': dataDir,
    'Gateway:Endpoints:Host': '127.0.0.1',
    'Gateway:Endpoints:HttpPort': String(httpPort),
    'Web:Root': webRoot,
    'Logging:LogLevel:Default': 'Warning',
    ...settings,
  };
  const logs = [];
  const child = spawn('dotnet', [dll, ...Object.entries(config).map(([k, v]) => `--${k}=${v}`)], { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => logs.push(d.toString()));
  child.stderr.on('data', (d) => logs.push(d.toString()));
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${httpPort}`;
  const gateway = new Gateway(child, dataDir, url, logs);
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${logs.join('')}`);
      const ok = await fetch(`${url}/web/config`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`gateway did not answer within ${START_TIMEOUT_MS} ms:\n${logs.join('')}`);
      await sleep(250);
    }
  } catch (err) {
    await gateway.stop();
    throw err;
  }
  return gateway;
}

module.exports = { startGateway };
