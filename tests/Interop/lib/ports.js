'use strict';
// A free loopback port (also used by the browser tests in tests/Web; this file needs no packages).
// Chosen at random below the ephemeral range (32768+), where the operating system picks the local ports of outgoing
// connections: a gateway takes seconds to bind the ports it was given, and its silo and the other test files open
// many connections meanwhile, so a port the OS handed out as free could be taken by one of them before the bind.
const net = require('node:net');

const LOWEST = 20_000;
const ABOVE_HIGHEST = 32_000;
const handedOut = new Set();

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (ABOVE_HIGHEST - LOWEST));
    if (handedOut.has(port) || !(await isFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free loopback port in ${LOWEST}-${ABOVE_HIGHEST - 1}`);
}

module.exports = { freePort };
