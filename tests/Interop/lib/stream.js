'use strict';
// Reads a grpc-js server stream step by step: wait for the message that matters, then for the end.

class StreamReader {
  constructor(call) {
    this.call = call;
    this.buffer = [];
    this.waiters = [];
    this.error = null;
    this.ended = false;
    call.on('data', (m) => {
      this.buffer.push(m);
      this.wake();
    });
    call.on('error', (e) => {
      this.error = e;
      this.wake();
    });
    call.on('end', () => {
      this.ended = true;
      this.wake();
    });
  }

  wake() {
    for (const wake of this.waiters.splice(0)) wake();
  }

  async wait(ms) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Messages read until (and with) the first one matching `predicate`; rejects on timeout or the stream's end. */
  async until(predicate, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    const seen = [];
    for (;;) {
      while (this.buffer.length > 0) {
        const message = this.buffer.shift();
        seen.push(message);
        if (predicate(message)) return seen;
      }
      if (this.error) throw this.error;
      if (this.ended) throw new Error(`the stream ended; read ${seen.length} message(s)`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; read ${JSON.stringify(seen.map(summary))}`);
      await this.wait(left);
    }
  }

  /** The error the stream ended with (null for OK), reading and dropping messages until then. */
  async end(timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.error && !this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the stream did not end within ${timeoutMs} ms`);
      await this.wait(left);
    }
    if (this.ended && !this.error) await new Promise((resolve) => setImmediate(resolve));
    return this.error;
  }
}

function summary(message) {
  return message.task ? `${message.type} ${message.task.name}` : message.type ?? message;
}

module.exports = { StreamReader };
