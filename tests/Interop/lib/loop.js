'use strict';
// Building blocks for tests that run a unit's loop through the API: instants and days on the wire,
// minutes that satisfy the framework's attendance rules per sector, and result checks.
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const DAY_MS = 24 * 60 * 60 * 1000;

/** google.protobuf.Timestamp of a Date. */
function ts(date) {
  return { seconds: String(Math.floor(date.getTime() / 1000)), nanos: 0 };
}

/** tilsyn.v1.Date of a Date (its UTC day). */
function day(date) {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(date, days) {
  return new Date(date.getTime() + days * DAY_MS);
}

function requestId() {
  return crypto.randomUUID();
}

/** The response of a `unary` result; fails the test with the status when the call failed. */
function ok(result, what = 'call') {
  if (result.error) assert.fail(`${what} failed: ${result.error.code} ${result.error.details}`);
  return result.response;
}

/** The error of a `unary` result with the expected status code. */
function failed(result, code, what = 'call') {
  assert.ok(result.error, `${what} should fail with ${code} but succeeded`);
  assert.equal(result.error.code, code, `${what}: ${result.error.details}`);
  return result.error;
}

/** Who must attend the first conversation of a unit (framework table, built-in wheel), as minutes list them. */
function participants(sector, selfOwned) {
  const roles = [selfOwned ? 'BOARD_REPRESENTATIVE' : 'CHIEF', 'LEADER'];
  if (sector === 'SECTOR_FU') roles.push('FU_DEPUTY', 'LEISURE_CENTRE_LEADER', 'YOUTH_SCHOOL_COORDINATOR');
  else roles.push('PEDAGOGICAL_LEADER');
  roles.push('EMPLOYEE_REPRESENTATIVE');
  if (!selfOwned) roles.push('BOARD_REPRESENTATIVE');
  roles.push('PROFESSIONAL_CONSULTANT');
  if (sector === 'SECTOR_FU') roles.push('DEPARTMENT_LEADER_REPRESENTATIVE', 'YOUTH_REPRESENTATIVE');
  return roles.map((role, i) => ({
    name: `Deltager ${i + 1}`,
    function: role.toLowerCase().replace(/_/g, ' '),
    role: `PARTICIPANT_ROLE_${role}`,
  }));
}

/** Complete minutes of a first conversation held on `heldOn`, with one agreement due `agreementDue`. */
function firstMinutes(unit, heldOn, agreementDue = addDays(heldOn, 90)) {
  return {
    participants: participants(unit.sector, unit.selfOwned),
    dataBasis: ['DATA_BASIS_KIND_QUANTITATIVE_DATA_PACKAGE', 'DATA_BASIS_KIND_PARENT_AND_BOARD_INPUT'],
    dataPoints: ['Trivslen er steget i de yngste grupper', 'Sprogvurderingerne ligger under kommunens niveau'],
    possibleNextSteps: ['Fælles sprogindsats i alle afdelinger', 'Indsamle mere viden om de ældste gruppers trivsel'],
    decisionKind: 'DECISION_KIND_NEXT_STEPS',
    decision: 'Sprog og kommunikation prioriteres det kommende år.',
    agreements: [{ action: 'Plan for sprogindsatsen deles med personalet', owner: 'leder', due: day(agreementDue) }],
    closingRemarks: '',
    childrenPerspective: 'Børnenes perspektiv indgår via børneinterviews i hver afdeling.',
  };
}

/** Calls `check` until it returns something truthy (then returns it), at most `timeoutMs`. */
async function eventually(check, { timeoutMs = 15_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

module.exports = { eventually, DAY_MS, ts, day, addDays, requestId, ok, failed, participants, firstMinutes };
