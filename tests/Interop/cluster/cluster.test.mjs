// The cluster of deploy/ end to end: two silo+gateway processes on one PostgreSQL database share one
// accelerated domain clock (Clock:Start, Clock:Anchor, Clock:Rate: a domain year in about a minute). The
// people of all demo units act through the gateways (conversations scheduled, held and written up; 1:1s
// held and recorded) while silo 2 is killed with SIGKILL and started again; its callers fail over to silo 1
// and retry with the same request_id. Then: every acknowledged change is in the state exactly once, every
// grain's audit trail has one event per state version, no due reminder is left undelivered, and no task is
// missing or doubled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import clusterLib from '../lib/cluster.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';

const { Cluster } = clusterLib;
const { tilsyn } = protos;
const { unary, status } = calls;
const { ts, day, addDays, requestId, ok, participants } = loop;

const DAY_MS = 86_400_000;
const START = new Date('2026-04-20T00:00:00Z');
const DOMAIN_DAYS = 300;
const RATE = (365 * DAY_MS) / 60_000; // a domain year a minute
const SLACK_DAYS = 6; // what reminder polling (0.25 s), leases (5 s) and the gateway's work may lag, in domain days

let cluster;
let anchor;

const domainNow = () => new Date(START.getTime() + (Date.now() - anchor) * RATE);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  // The anchor lies ahead of the start-up, so the domain clock begins at START when the driving begins.
  anchor = Date.now() + 90_000;
  cluster = await Cluster.start({
    silos: 2,
    settings: { 'Clock:Start': START.toISOString(), 'Clock:Anchor': new Date(anchor).toISOString(), 'Clock:Rate': RATE },
  });
  if (Date.now() < anchor) await sleep(anchor - Date.now());
});

after(async () => {
  await cluster?.stop();
});

/** Clients of both silos: a unary call at the unit's own silo, failing over to the other when it is unreachable. */
class Callers {
  constructor() {
    this.loops = [1, 2].map((i) => cluster.client(i, tilsyn.Loops));
    this.inbox = [1, 2].map((i) => cluster.client(i, tilsyn.Inbox));
    this.units = [1, 2].map((i) => cluster.client(i, tilsyn.Units));
    this.failovers = 0;
  }

  /** Retries the same request (same request_id) at either silo until one answers with a status of the domain. */
  async call(service, preferred, method, request, token) {
    let retried = false;
    for (let attempt = 0; attempt < 60; attempt++) {
      const silo = (preferred + attempt) % 2;
      const result = await unary(this[service][silo], method, request, { token, deadlineMs: 8_000 });
      const lost = result.error && [status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.CANCELLED, status.INTERNAL].includes(result.error.code);
      if (!lost) return { ...result, retried };
      retried = true;
      this.failovers++;
      await sleep(100);
    }
    throw new Error(`${method} found no silo that answered`);
  }

  close() {
    [...this.loops, ...this.inbox, ...this.units].forEach((c) => c.close());
  }
}

const at = (date, hours) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hours));
const fromDate = (d) => new Date(Date.UTC(d.year, d.month - 1, d.day));

/** What a unit's people do in the run, from its loop as read at the start: in order, each on its domain instant. */
function plan(unit, loopAtStart, tokens, end) {
  const steps = [];
  const today = at(domainNow(), 0);
  for (const c of loopAtStart.conversations) {
    const open = fromDate(c.windowOpen);
    const close = fromDate(c.windowClose);
    if (c.status !== 'CONVERSATION_STATUS_PLANNED' || close <= addDays(today, 3) || open >= addDays(end, -10)) continue;
    // Scheduled well ahead and marked held a day after the meeting, so a call that lags a few domain days still fits.
    const scheduleOn = open > today ? addDays(open, 1) : addDays(today, 1);
    const latest = addDays(close, -1);
    const meeting = at(addDays(scheduleOn, 12) < latest ? addDays(scheduleOn, 12) : latest, 1);
    if (meeting <= at(scheduleOn, 12)) continue;
    steps.push({ when: at(scheduleOn, 0), what: 'scheduleConversation', request: { name: c.name, scheduledFor: ts(meeting) }, token: tokens.holder });
    steps.push({ when: addDays(meeting, 1), what: 'holdConversation', request: { name: c.name, heldAt: ts(meeting) }, token: tokens.holder });
    steps.push({ when: addDays(meeting, 3), what: 'submitConversationRecord', token: tokens.leader, request: { name: c.name, record: minutes(unit, meeting) } });
  }
  for (const o of loopAtStart.oneToOnes) {
    const due = fromDate(o.due);
    if (o.status !== 'ONE_TO_ONE_STATUS_PLANNED' || due <= addDays(today, 4) || due >= end) continue;
    const heldOn = addDays(due, -2);
    steps.push({ when: at(heldOn, 2), what: 'holdOneToOne', request: { name: o.name, heldAt: ts(at(heldOn, 1)) }, token: tokens.leader });
    steps.push({ when: at(heldOn, 4), what: 'recordOneToOne', token: tokens.chief, request: { name: o.name, record: { summary: 'Opfølgning på data og aftaler.', decisions: ['Fortsætte indsatsen'], agreements: [] } } });
  }
  return steps.sort((a, b) => a.when - b.when).map((s) => ({ ...s, request: { ...s.request, requestId: requestId() } }));
}

function minutes(unit, heldOn) {
  return {
    participants: participants(unit.sector, unit.selfOwned),
    dataBasis: ['DATA_BASIS_KIND_QUANTITATIVE_DATA_PACKAGE'],
    dataPoints: ['Trivslen er steget'],
    possibleNextSteps: ['Dele god praksis'],
    decisionKind: 'DECISION_KIND_NEXT_STEPS',
    decision: 'Arbejde videre med fokusområdet.',
    agreements: [{ action: 'Følge op på data', owner: 'leder', due: day(addDays(heldOn, 90)) }],
    closingRemarks: '',
    childrenPerspective: 'Børneinterviews i små grupper.',
  };
}

/** Runs a unit's steps as their domain instants come; records each step's outcome on it. */
async function drive(callers, index, steps, stopAt) {
  for (const step of steps) {
    while (domainNow() < step.when) {
      if (Date.now() > stopAt) return;
      await sleep(Math.min(200, (step.when - domainNow()) / RATE + 5));
    }
    const result = await callers.call('loops', index % 2, step.what, step.request, step.token);
    step.outcome = result.error ? { code: result.error.code, message: result.error.details } : { code: status.OK };
    step.retried = result.retried;
  }
}

test('a loop of every demo unit runs through two silos while one is killed and restarted; nothing lost, nothing doubled', { timeout: 600_000 }, async () => {
  const callers = new Callers();
  try {
    const admin = cluster.tokenOfRole('administration');
    const listed = ok(await callers.call('units', 0, 'listUnits', { pageSize: 1000 }, admin), 'ListUnits');
    const units = listed.units.map((u) => ({ ...u, id: u.name.replace('units/', '') }));
    assert.ok(units.length >= 100, `demo units: ${units.length}`);
    const end = addDays(START, DOMAIN_DAYS);
    const plans = [];
    for (const [i, unit] of units.entries()) {
      const chiefId = unit.chief.replace('chiefs/', '');
      const tokens = {
        chief: cluster.mint('chief', chiefId),
        leader: cluster.mint('leader', unit.leaderId, [unit.id]),
        board: cluster.mint('board', unit.boardId, [unit.id]),
      };
      tokens.holder = unit.selfOwned ? tokens.board : tokens.chief;
      const atStart = ok(await callers.call('loops', i % 2, 'getLoop', { name: `units/${unit.id}/loop` }, tokens.leader), 'GetLoop');
      plans.push({ unit, tokens, steps: plan(unit, atStart, tokens, end) });
    }
    const allSteps = plans.flatMap((p) => p.steps);
    assert.ok(allSteps.length > 500, `planned steps: ${allSteps.length}`);

    const realEnd = anchor + (end - START) / RATE;
    const driving = Promise.all(plans.map((p, i) => drive(callers, i, p.steps, realEnd + 60_000)));
    // Silo 2 dies without warning a third of the way in, and comes back.
    await sleep(Math.max(0, anchor + (realEnd - anchor) / 3 - Date.now()));
    await cluster.kill(2);
    const killedAt = domainNow();
    await sleep(3_000);
    await cluster.startSilo(2);
    await driving;
    await sleep(Math.max(0, realEnd - Date.now()) + 3_000);
    const checkedAt = domainNow();

    // Every step answered; refusals are the domain's own (never a lost answer), and few.
    const unanswered = allSteps.filter((s) => !s.outcome);
    assert.equal(unanswered.length, 0, `steps never run: ${unanswered.slice(0, 5).map((s) => s.what).join(', ')}`);
    const refused = allSteps.filter((s) => s.outcome.code !== status.OK);
    const refusedAfterRetry = refused.filter((s) => s.retried && s.outcome.code === status.FAILED_PRECONDITION && /already/i.test(s.outcome.message));
    const otherRefusals = refused.filter((s) => !refusedAfterRetry.includes(s));
    const refusalKinds = {};
    for (const s of otherRefusals) refusalKinds[`${s.what}:${s.outcome.code}`] = (refusalKinds[`${s.what}:${s.outcome.code}`] ?? 0) + 1;
    console.log(`refusals by step and code: ${JSON.stringify(refusalKinds)}`);
    assert.ok(otherRefusals.length <= allSteps.length * 0.05,
      `${otherRefusals.length} of ${allSteps.length} refused: ${otherRefusals.slice(0, 5).map((s) => `${s.what} ${s.request.name}: ${s.outcome.code} ${s.outcome.message}`).join(' | ')}`);
    assert.ok(callers.failovers > 0, 'some calls failed over from the killed silo');

    // Every acknowledged change is in the state once: held conversations with exactly one record version, 1:1s held with a record.
    for (const [i, p] of plans.entries()) {
      const now = ok(await callers.call('loops', i % 2, 'getLoop', { name: `units/${p.unit.id}/loop` }, p.tokens.leader), 'GetLoop');
      for (const step of p.steps.filter((s) => s.outcome.code === status.OK || refusedAfterRetry.includes(s))) {
        if (step.what === 'holdConversation' || step.what === 'submitConversationRecord') {
          const c = now.conversations.find((x) => x.name === step.request.name);
          assert.equal(c.status, 'CONVERSATION_STATUS_HELD', `${c.name} held`);
          if (step.what === 'submitConversationRecord') assert.equal(c.recordVersion, 1, `${c.name}: one record version, not ${c.recordVersion}`);
        }
        if (step.what === 'recordOneToOne') {
          const o = now.oneToOnes.find((x) => x.name === step.request.name);
          assert.equal(o.status, 'ONE_TO_ONE_STATUS_HELD', `${o.name} held`);
          assert.ok(o.record, `${o.name} has its record`);
        }
      }
    }

    // The audit trail is complete: one event per state version of every grain, no gaps, no doubles.
    const audit = await cluster.sql(`
      SELECT s.grain_type, s.grain_key, s.version, count(a.sequence), count(DISTINCT a.version), coalesce(max(a.version), 0)
      FROM grain_state s LEFT JOIN audit_event a ON a.grain_type = s.grain_type AND a.grain_key = s.grain_key
      GROUP BY s.grain_type, s.grain_key, s.version`);
    const broken = audit.filter(([, , version, events, distinct, max]) => !(version === events && events === distinct && distinct === max));
    assert.deepEqual(broken, [], 'grains whose audit trail does not match their state versions');
    const changes = Number((await cluster.sql(`SELECT count(*) FROM audit_event WHERE actor NOT LIKE 'system:%' AND grain_type = 'unit'`))[0][0]);
    assert.ok(changes > 0);

    // Every reminder that came due was delivered (none left behind by the killed silo's lease).
    const overdue = await cluster.sql(`SELECT grain_type, grain_key, name, due_at, lease_owner, attempts FROM reminder
      WHERE due_at < '${addDays(checkedAt, -SLACK_DAYS).toISOString()}' ORDER BY due_at LIMIT 10`);
    assert.deepEqual(overdue, [], 'reminders due but not delivered');

    // No task missing or doubled: each conversation whose window opened has its scheduling task, once.
    for (const [i, p] of plans.entries()) {
      const tasks = [];
      let pageToken = '';
      do {
        const page = ok(await callers.call('inbox', i % 2, 'listTasks', { parent: `units/${p.unit.id}`, pageSize: 200, pageToken, filter: { states: ['TASK_STATE_OPEN', 'TASK_STATE_OVERDUE', 'TASK_STATE_DONE'] } }, p.tokens.leader), 'ListTasks');
        tasks.push(...page.tasks);
        pageToken = page.nextPageToken;
      } while (pageToken);
      const names = tasks.map((t) => t.name);
      assert.equal(new Set(names).size, names.length, `${p.unit.id}: a task twice`);
      const keys = tasks.map((t) => `${t.kind} ${t.resource} ${t.occurrence}`);
      assert.equal(new Set(keys).size, keys.length, `${p.unit.id}: the same task raised twice`);
      for (const step of p.steps.filter((s) => s.what === 'scheduleConversation' && s.when < addDays(checkedAt, -SLACK_DAYS))) {
        const task = tasks.find((t) => t.kind === 'TASK_KIND_SCHEDULE_CONVERSATION' && t.resource === step.request.name);
        assert.ok(task, `${p.unit.id}: no scheduling task for ${step.request.name}`);
        if (step.outcome.code === status.OK) assert.equal(task.state, 'TASK_STATE_DONE', `${step.request.name}: scheduling task closed by scheduling`);
      }
    }

    console.log(`cluster run: ${units.length} units, ${allSteps.length} steps (${refused.length} refused, ${refusedAfterRetry.length} of them retries already applied), `
      + `${callers.failovers} failovers, silo 2 killed at ${killedAt.toISOString().slice(0, 10)}, checked at ${checkedAt.toISOString().slice(0, 10)}, ${changes} unit changes audited`);
  } finally {
    callers.close();
  }
});
