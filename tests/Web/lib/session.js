'use strict';
// What every role's test file starts with: a headless browser and a gateway whose domain clock starts at
// `start`, with the reminders due at that instant delivered; both closed after the file's tests.
const { before, after } = require('node:test');
const { startGateway } = require('./gateway');
const { launch } = require('./browser');

/** Registers the file's before/after hooks; `session.browser` and `session.gateway` are set once they ran. */
function browserSession(start) {
  const session = { browser: null, gateway: null };
  before(async () => {
    session.browser = await launch();
    session.gateway = await startGateway({ 'Clock:Start': start });
    await session.gateway.settled();
  });
  after(async () => {
    await session.browser?.close();
    await session.gateway?.stop();
  });
  return session;
}

module.exports = { browserSession };
