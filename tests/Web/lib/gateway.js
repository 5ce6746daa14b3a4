'use strict';
// Starts the real gateway (`dotnet <built dll>`) with the built front end (Web:Root), the in-memory store,
// a fresh data folder and free loopback ports; waits until it serves the front end's config and the loops
// have settled (the reminders due at start delivered). Calls the API with protobuf-JSON for setup steps.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('../../Interop/lib/ports');
const { sleep, spawnGateway, stopProcess, waitSettled } = require('../../Interop/lib/process');
const { gatewayDll, builtFrontEnd } = require('./paths');

const START_TIMEOUT_MS = Number(process.env.TILSYN_WEB_START_TIMEOUT_MS || 90_000);

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
    const readOpenTasks = () => this.call('tilsyn.v1.Operations/GetLoopHealthSummary', {}, token)
      .then((summary) => summary.totals?.openTasks ?? 0, () => null);
    await waitSettled(readOpenTasks, timeoutMs, '');
  }

  async stop() {
    await stopProcess(this.child);
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
    'Auth:Demo': 'true',
    'Storage:Engine': 'memory',
    'Storage:DataDirectory': dataDir,
    'Gateway:Endpoints:Host': '127.0.0.1',
    'Gateway:Endpoints:HttpPort': String(httpPort),
    'Web:Root': webRoot,
    'Logging:LogLevel:Default': 'Warning',
    ...settings,
  };
  const { child, logs } = spawnGateway(dll, config, dataDir);
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
