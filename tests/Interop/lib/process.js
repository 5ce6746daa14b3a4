'use strict';
// The gateway as a child process, shared by the interop and browser suites (this file needs no packages):
// start it with its output kept, stop it (SIGTERM, SIGKILL after 10 s), and wait until its loops settle.
const { spawn } = require('node:child_process');

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `dotnet <dll> --key=value ...` in `cwd`; stdout and stderr are kept in `logs`; killed when the test process exits. */
function spawnGateway(dll, config, cwd) {
  const args = [dll, ...Object.entries(config).map(([k, v]) => `--${k}=${v}`)];
  const logs = [];
  const child = spawn('dotnet', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => logs.push(d.toString()));
  child.stderr.on('data', (d) => logs.push(d.toString()));
  process.once('exit', () => child.kill('SIGKILL'));
  return { child, logs };
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Waits until `readOpenTasks()` (the open-task count of all loops, or null when the read failed) gives the
 * same count three times in a row, 300 ms apart: the reminders due at start have then been delivered.
 */
async function waitSettled(readOpenTasks, timeoutMs, label) {
  const deadline = Date.now() + timeoutMs;
  const seen = [];
  while (Date.now() < deadline) {
    seen.push(await readOpenTasks());
    if (seen.length >= 3 && seen.slice(-3).every((c) => c !== null && c === seen.at(-1))) return;
    await sleep(300);
  }
  throw new Error(`the loops did not settle within ${timeoutMs} ms: ${label}${seen.join(', ')}`);
}

module.exports = { sleep, spawnGateway, stopProcess, waitSettled };
