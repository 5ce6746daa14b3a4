'use strict';
// Promise helpers over @grpc/grpc-js callbacks and streams.
const { grpc } = require('./protos');

/** Metadata carrying `authorization: Bearer <token>` (or none). */
function auth(token) {
  const metadata = new grpc.Metadata();
  if (token) metadata.add('authorization', `Bearer ${token}`);
  return metadata;
}

/** Calls a unary method: resolves `{ response }` or `{ error }` (never rejects on a gRPC status). */
function unary(client, method, request, { token, deadlineMs = 10_000, metadata } = {}) {
  return new Promise((resolve) => {
    client[method](request, metadata || auth(token), { deadline: Date.now() + deadlineMs }, (error, response) =>
      resolve(error ? { error } : { response }),
    );
  });
}

/** Reads a server stream to its end: `{ messages, error }` (error null when it ended with OK). */
function collect(call) {
  return new Promise((resolve) => {
    const messages = [];
    let settled = false;
    call.on('data', (m) => messages.push(m));
    call.on('error', (error) => {
      if (!settled) {
        settled = true;
        resolve({ messages, error });
      }
    });
    call.on('end', () => {
      setImmediate(() => {
        if (!settled) {
          settled = true;
          resolve({ messages, error: null });
        }
      });
    });
  });
}

/** A raw unary call on any path with serialized bytes (for methods the client has no definition of). */
function rawUnary(client, path, bytes = Buffer.alloc(0), { token, deadlineMs = 10_000 } = {}) {
  return new Promise((resolve) => {
    client.makeUnaryRequest(path, (b) => b, (b) => b, bytes, auth(token), { deadline: Date.now() + deadlineMs }, (error, response) =>
      resolve(error ? { error } : { response }),
    );
  });
}

module.exports = { auth, unary, collect, rawUnary, status: grpc.status };
