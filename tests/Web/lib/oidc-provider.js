'use strict';
// A minimal OpenID provider on loopback for the production sign-in test: discovery, JWKS, an authorization
// endpoint that "signs the person in" at once and redirects back with a code, and a token endpoint that
// checks the PKCE verifier and issues an ES256 access token with the tilsyn claims.
const crypto = require('node:crypto');
const http = require('node:http');

const b64url = (buffer) => Buffer.from(buffer).toString('base64url');

async function startProvider({ audience = 'tilsyn-api', claims }) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'ES256', use: 'sig' };
  const codes = new Map();
  const seen = { authorize: [], token: [] };
  let issuer = '';

  function sign(payload) {
    const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: jwk.kid }));
    const body = b64url(JSON.stringify(payload));
    const signature = crypto.sign('sha256', Buffer.from(`${header}.${body}`), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return `${header}.${body}.${b64url(signature)}`;
  }

  function json(res, status, value) {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' });
    res.end(JSON.stringify(value));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, issuer);
    if (req.method === 'OPTIONS') { json(res, 204, {}); return; }
    if (url.pathname === '/.well-known/openid-configuration') {
      json(res, 200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
      });
      return;
    }
    if (url.pathname === '/jwks') { json(res, 200, { keys: [jwk] }); return; }
    if (url.pathname === '/authorize') {
      const query = Object.fromEntries(url.searchParams);
      seen.authorize.push(query);
      const code = crypto.randomUUID();
      codes.set(code, query);
      const back = new URL(query.redirect_uri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.state);
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        const form = Object.fromEntries(new URLSearchParams(body));
        seen.token.push(form);
        const asked = codes.get(form.code);
        codes.delete(form.code);
        const challenge = crypto.createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
        if (!asked || asked.code_challenge !== challenge || asked.client_id !== form.client_id || asked.redirect_uri !== form.redirect_uri) {
          json(res, 400, { error: 'invalid_grant' });
          return;
        }
        const now = Math.floor(Date.now() / 1000);
        json(res, 200, { token_type: 'Bearer', expires_in: 3600, access_token: sign({ iss: issuer, aud: audience, iat: now, nbf: now, exp: now + 3600, ...claims }) });
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${server.address().port}`;
  return { issuer, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

module.exports = { startProvider };
