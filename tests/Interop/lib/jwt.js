'use strict';
// Signs ES256 JWTs with node's crypto, for tokens the demo command does not make (expired, other key).
const crypto = require('node:crypto');

function base64url(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** A compact JWS over `claims`, signed with a PEM private key (P-256). */
function signEs256(claims, privateKeyPem) {
  const header = base64url({ alg: 'ES256', typ: 'JWT' });
  const payload = base64url(claims);
  const signature = crypto.sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKeyPem, dsaEncoding: 'ieee-p1363' });
  return `${header}.${payload}.${signature.toString('base64url')}`;
}

function newP256Pem() {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'pem', type: 'pkcs8' });
}

/** Standard claims of an administration caller for the local issuer, valid [nbf, exp] in seconds. */
function adminClaims({ nbf, exp }) {
  return {
    iss: 'tilsyn-local',
    aud: 'tilsyn-api',
    sub: 'interop-admin',
    tilsyn_role: 'administration',
    nbf,
    iat: nbf,
    exp,
  };
}

module.exports = { signEs256, newP256Pem, adminClaims };
