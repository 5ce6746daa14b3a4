// tilsyn.v1.Reports through the real grpc-js client: a self-owned daycare's board drafts its written
// supervision report over two sittings, submits it (every missing answer at once, then a receipt whose
// content hash this client recomputes; the same request_id returns the same receipt), and the chief
// follows up beside the unit's data package: follow-up meeting required, scheduled, held and recorded,
// case closed. Every step is a task in the chief's inbox (closed by the step after it) and an event in
// the case history. Access: only the unit's board writes; another unit's board is denied; operations
// see the status only; the printable page is served to the board.
//
// The overdue path runs on two gateways over one SQLite data folder: the first (20 October) has the
// board's reminder and a saved draft; the second starts on the same folder after the 1 November due
// date (a restart in the middle of drafting) and shows the draft intact, the board's task overdue and
// the chief's overdue task; the late submission closes both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';
import rpc from '../lib/rpcstatus.js';

const { startGateway, newDataDir } = gatewayLib;
const { tilsyn } = protos;
const { unary, status } = calls;
const { ts, day, addDays, requestId, ok, failed } = loop;

const START = new Date('2026-10-05T08:00:00Z');
const UNIT = 'dt-havbrisen';
const YEAR = 2026;
const REPORT = `${UNIT}/tilsyn/${YEAR}`;
const BOARD_REPORT = `units/${UNIT}/loop/boardReports/${YEAR}`;
const ALL_STATES = ['TASK_STATE_OPEN', 'TASK_STATE_OVERDUE', 'TASK_STATE_DONE'];

/** Every required answer of the default supervision template (three parts), plus an optional attachment. */
const COMPLETE = [
  { question: 'b1', yes: true },
  { question: 'b2', yes: false, explanation: 'Legepladseftersynet er bestilt til november.' },
  { question: 'b3', yes: true },
  { question: 'b4', yes: true },
  { question: 'b5', attachment: 'dok:legeplads-2026-09' },
  { question: 'k1', yes: true },
  { question: 'k2', yes: true },
  { question: 'k3', yes: true },
  { question: 'k4', choice: 'fuldt' },
  { question: 'p1', yes: true },
  { question: 'p2', text: 'Børnene inddrages gennem børneinterviews og fælles morgensamlinger.' },
  { question: 'p3', text: 'Datapakken viser stigende trivsel; bestyrelsen har drøftet sprogindsatsen.' },
  { question: 'p4', choice: 'opmaerksomhed' },
];
const answers = (...ids) => COMPLETE.filter((a) => ids.includes(a.question));

const ANSWER_FIELDS = ['attachment', 'choice', 'explanation', 'question', 'text', 'yes'];

/** An answer as the API returns it, without the unset optional fields (and the loader's oneof markers). */
function present(answer) {
  return Object.fromEntries(ANSWER_FIELDS.filter((key) => answer[key] !== null && answer[key] !== undefined).map((key) => [key, answer[key]]));
}

/**
 * The receipt's content hash recomputed from the stored answers: SHA-256 of RFC 8785 JSON
 * {"answers":[...by question id, keys sorted, absent fields left out],"template":{"id","version"}}.
 */
function contentHash(templateId, templateVersion, stored) {
  const canonical = [...stored]
    .map(present)
    .sort((a, b) => (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
    .map((a) => `{${ANSWER_FIELDS.filter((key) => key in a).map((key) => `${JSON.stringify(key)}:${JSON.stringify(a[key])}`).join(',')}}`);
  const json = `{"answers":[${canonical.join(',')}],"template":{"id":${JSON.stringify(templateId)},"version":${templateVersion}}}`;
  return crypto.createHash('sha256').update(json, 'utf8').digest('hex');
}

function instant(timestamp) {
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6));
}

function dayString(d) {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Clients and tokens around the self-owned unit of a gateway. */
async function around(gateway) {
  const units = gateway.client(tilsyn.Units);
  const admin = gateway.tokenOfRole('administration');
  const unit = ok(await unary(units, 'getUnit', { name: `units/${UNIT}` }, { token: admin }), 'GetUnit');
  const others = ok(await unary(units, 'listUnits', { pageSize: 500 }, { token: admin }), 'ListUnits').units;
  units.close();
  assert.equal(unit.selfOwned, true, `${UNIT} is a self-owned daycare in the demo organisation`);
  const otherSelfOwned = others.find((u) => u.selfOwned && u.name !== `units/${UNIT}`);
  assert.ok(otherSelfOwned, 'the demo organisation has a second self-owned daycare');
  const otherId = otherSelfOwned.name.replace('units/', '');
  const chiefId = unit.chief.replace('chiefs/', '');
  const reports = gateway.client(tilsyn.Reports);
  const inbox = gateway.client(tilsyn.Inbox);
  const loops = gateway.client(tilsyn.Loops);
  const packages = gateway.client(tilsyn.DataPackages);
  const tokens = {
    board: gateway.token(`board:${UNIT}`),
    // A second member of the same board, for the second sitting (attribution is to the board).
    boardMember2: gateway.mint('board', unit.boardId, [UNIT], 'interop-board-member-2'),
    otherBoard: gateway.mint('board', otherSelfOwned.boardId, [otherId]),
    ordinaryBoard: gateway.token('board:strandens-dagtilbud'),
    chief: gateway.token(`chief:${chiefId}`),
    leader: gateway.token(`leader:${UNIT}`),
    admin,
    operations: gateway.tokenOfRole('operations'),
  };
  const call = (client, method, request, token) => unary(client, method, request, { token });
  return {
    unit, chiefId, tokens, otherId,
    report: (method, request, token) => call(reports, method, request, token),
    inbox: (method, request, token) => call(inbox, method, request, token),
    loops: (method, request, token) => call(loops, method, request, token),
    packages: (method, request, token) => call(packages, method, request, token),
    /** The unit's tasks of one kind (any state), as the chief sees them. */
    async tasks(kind) {
      const page = ok(await call(inbox, 'listTasks', { parent: `units/${UNIT}`, filter: { kinds: [kind], states: ALL_STATES } }, tokens.chief), `ListTasks ${kind}`);
      return page.tasks.filter((t) => t.occurrence === String(YEAR));
    },
    /** The open tasks of one kind assigned to the chief, in the chief's inbox for the unit. */
    async inboxTasks(kind) {
      const filter = { kinds: [kind], unit: `units/${UNIT}`, assignees: ['ASSIGNEE_ROLE_CHIEF'] };
      const page = ok(await call(inbox, 'listTasks', { parent: `chiefs/${chiefId}`, filter }, tokens.chief), `inbox ${kind}`);
      return page.tasks.filter((t) => t.occurrence === String(YEAR));
    },
    /** GET /reports/{unit}/{year}/print on the gateway's HTTP port. */
    print(token, unitId = UNIT) {
      const headers = token ? { authorization: `Bearer ${token}` } : {};
      return fetch(`http://127.0.0.1:${gateway.httpPort}/reports/${unitId}/${YEAR}/print`, { headers });
    },
    close: () => { reports.close(); inbox.close(); loops.close(); packages.close(); },
  };
}

let gateway;
let u;
/** What the steps of the track hand on to each other. */
const track = {};

before(async () => {
  gateway = await startGateway({ 'Clock:Start': START.toISOString() });
  await gateway.settled();
  u = await around(gateway);
});

after(async () => {
  u?.close();
  await gateway?.stop();
});

test('before the due date the board has its reminder; it starts the report on the latest template', async () => {
  const [reminder] = await u.tasks('TASK_KIND_SUBMIT_BOARD_REPORT');
  assert.ok(reminder, 'the board report coming due raised a task');
  assert.equal(reminder.assignee, 'ASSIGNEE_ROLE_BOARD');
  assert.equal(reminder.state, 'TASK_STATE_OPEN');
  assert.equal(dayString(reminder.due), `${YEAR}-11-01`);
  assert.equal(reminder.resource, BOARD_REPORT);
  assert.deepEqual(await u.inboxTasks('TASK_KIND_SUBMIT_BOARD_REPORT'), [], 'nothing for the chief before the due date');
  const before = ok(await u.report('getReportStatus', { reportId: REPORT }, u.tokens.operations));
  assert.equal(before.stage, 'NotStarted');

  const started = ok(await u.report('startReport', { reportId: REPORT, requestId: requestId() }, u.tokens.board), 'StartReport');
  const again = ok(await u.report('startReport', { reportId: REPORT }, u.tokens.board), 'StartReport again');
  const template = ok(await u.report('getTemplate', { templateId: started.templateId, version: started.templateVersion }, u.tokens.board), 'GetTemplate');

  assert.equal(started.stage, 'Draft');
  assert.equal(started.unitId, UNIT);
  assert.equal(started.templateId, 'tilsyn-selvejende-dagtilbud');
  assert.equal(started.draftVersion, 0);
  assert.equal(started.startedBy, `board:${u.unit.boardId}`);
  assert.deepEqual(again, started);
  assert.deepEqual(template.sections.map((s) => s.id), ['basistilsyn', 'kommunale-retningslinjer', 'paedagogisk-tilsyn']);
  track.template = template;
});

test('the board drafts over two sittings: saves attributed and versioned, the second sitting resumes where the first stopped', async () => {
  const first = ok(await u.report('saveDraft', {
    reportId: REPORT, answers: answers('b1', 'b3', 'k4').concat({ question: 'b2', yes: false }), basedOnVersion: 0, requestId: requestId(),
  }, u.tokens.board), 'SaveDraft 1');
  assert.equal(first.draftVersion, 1);

  const resumed = ok(await u.report('getReport', { reportId: REPORT }, u.tokens.boardMember2), 'GetReport (second sitting)');
  assert.equal(resumed.draftVersion, 1);
  assert.deepEqual(resumed.answers.map(present), [
    { question: 'b1', yes: true }, { question: 'b2', yes: false }, { question: 'b3', yes: true }, { question: 'k4', choice: 'fuldt' },
  ], 'the draft as saved, in template order');
  assert.equal(resumed.saves.length, 1);
  assert.equal(resumed.saves[0].savedBy, `board:${u.unit.boardId}`);

  const stale = failed(await u.report('saveDraft', { reportId: REPORT, answers: COMPLETE, basedOnVersion: 0 }, u.tokens.boardMember2), status.ABORTED, 'stale SaveDraft');
  assert.match(stale.details, /version/);

  const shape = failed(await u.report('saveDraft', {
    reportId: REPORT, basedOnVersion: 1,
    answers: [{ question: 'k4', choice: 'maaske' }, { question: 'b1', text: 'ja' }, { question: 'x9', yes: true }],
  }, u.tokens.boardMember2), status.INVALID_ARGUMENT, 'SaveDraft with answers of the wrong shape');
  assert.deepEqual(Object.keys(rpc.fieldViolations(shape)).sort(), ['answers[0].choice', 'answers[1].text', 'answers[2].question'],
    'violations name the request\'s answers, not the template\'s questions');

  const second = ok(await u.report('saveDraft', {
    reportId: REPORT, basedOnVersion: 1, requestId: requestId(),
    answers: [...resumed.answers.map(present), ...answers('b4', 'k1', 'k2', 'p1'), { question: 'p2', text: '  Børnene inddrages gennem børneinterviews.\r\n' }],
  }, u.tokens.boardMember2), 'SaveDraft 2');
  const history = ok(await u.report('getReport', { reportId: REPORT }, u.tokens.board), 'GetReport after sitting 2');

  assert.equal(second.draftVersion, 2);
  assert.deepEqual(history.saves.map((s) => [s.version, s.savedBy, s.set]), [[1, `board:${u.unit.boardId}`, 4], [2, `board:${u.unit.boardId}`, 5]]);
  assert.ok(instant(history.saves[1].savedAt) >= instant(history.saves[0].savedAt));
  assert.equal(history.answers.find((a) => a.question === 'p2').text, 'Børnene inddrages gennem børneinterviews.', 'text is stored normalised');
  assert.equal(history.answers.length, 9);
});

test('submitting an incomplete report is INVALID_ARGUMENT listing every missing answer at once; nothing is submitted', async () => {
  const incomplete = failed(await u.report('submitReport', { reportId: REPORT, requestId: requestId() }, u.tokens.board), status.INVALID_ARGUMENT, 'SubmitReport');
  const status2 = ok(await u.report('getReportStatus', { reportId: REPORT }, u.tokens.board));

  assert.deepEqual(Object.keys(rpc.fieldViolations(incomplete)).sort(), [
    'sections[basistilsyn].questions[b2].explanation',
    'sections[kommunale-retningslinjer].questions[k3]',
    'sections[paedagogisk-tilsyn].questions[p3]',
    'sections[paedagogisk-tilsyn].questions[p4]',
  ]);
  assert.deepEqual(rpc.fieldViolations(incomplete)['sections[basistilsyn].questions[b2].explanation'], ['explain the no answer']);
  assert.equal(status2.stage, 'Draft');
});

test('submission returns a receipt (time, submitter, content hash); the same request_id returns the same receipt', async () => {
  const saved = ok(await u.report('saveDraft', { reportId: REPORT, answers: COMPLETE, basedOnVersion: 2 }, u.tokens.board), 'SaveDraft complete');
  const key = requestId();
  const beforeSubmit = Date.now();
  const submitted = ok(await u.report('submitReport', { reportId: REPORT, requestId: key, draftVersion: saved.draftVersion }, u.tokens.board), 'SubmitReport');
  const replayed = ok(await u.report('submitReport', { reportId: REPORT, requestId: key }, u.tokens.board), 'SubmitReport again');
  const otherKey = failed(await u.report('submitReport', { reportId: REPORT, requestId: requestId() }, u.tokens.board), status.FAILED_PRECONDITION, 'SubmitReport with another key');
  const afterSubmit = failed(await u.report('saveDraft', { reportId: REPORT, answers: COMPLETE }, u.tokens.board), status.FAILED_PRECONDITION, 'SaveDraft after submission');
  const receipt = ok(await u.report('getReceipt', { reportId: REPORT }, u.tokens.chief), 'GetReceipt');
  const report = ok(await u.report('getReport', { reportId: REPORT }, u.tokens.chief), 'GetReport by the chief');

  const r = submitted.receipt;
  assert.equal(submitted.replayed, false);
  assert.deepEqual([r.reportId, r.version, r.templateId, r.templateVersion, r.submittedBy], [REPORT, 1, 'tilsyn-selvejende-dagtilbud', 1, `board:${u.unit.boardId}`]);
  const at = instant(r.submittedAt);
  assert.ok(at >= START && at <= new Date(START.getTime() + (Date.now() - beforeSubmit) + 15 * 60_000), `submitted at ${at.toISOString()} on the domain clock`);
  assert.match(r.contentHash, /^[0-9a-f]{64}$/);
  assert.equal(replayed.replayed, true);
  assert.deepEqual(replayed.receipt, r);
  assert.deepEqual(receipt, r);
  assert.match(otherKey.details, /already submitted|submitted/);
  assert.ok(afterSubmit.details.length > 0);
  assert.equal(report.stage, 'Submitted');
  assert.equal(report.submissions.length, 1);
  assert.equal(contentHash(r.templateId, r.templateVersion, report.submissions[0].answers), r.contentHash, 'an independent client recomputes the content hash');
  track.receipt = r;
});

test('the board reminder closes with the submission and the chief gets the review task', async () => {
  const [boardTask] = await u.tasks('TASK_KIND_SUBMIT_BOARD_REPORT');
  const [review] = await u.inboxTasks('TASK_KIND_REVIEW_BOARD_REPORT');
  const opened = ok(await u.report('getCase', { unitId: UNIT, year: YEAR }, u.tokens.chief), 'GetCase');

  assert.equal(boardTask.state, 'TASK_STATE_DONE');
  assert.equal(boardTask.closed.actor, `board:${u.unit.boardId}`);
  assert.ok(review, 'the review is in the chief inbox');
  assert.equal(review.state, 'TASK_STATE_OPEN');
  assert.equal(review.resource, BOARD_REPORT);
  assert.equal(dayString(review.due), dayString(day(addDays(instant(track.receipt.submittedAt), 30))));
  assert.equal(opened.stage, 'AwaitingReview');
  assert.deepEqual(opened.submission, track.receipt);
  assert.deepEqual(opened.history.map((e) => [e.kind, e.by, e.detail]), [['Submitted', `board:${u.unit.boardId}`, track.receipt.contentHash]]);
});

test('the chief reviews the report beside the latest data package and requires a follow-up meeting (reason required)', async () => {
  const list = ok(await u.packages('listUnitDataPackages', { parent: `units/${UNIT}` }, u.tokens.chief), 'ListUnitDataPackages');
  assert.ok(list.dataPackages.length > 0, 'the unit has a released data package to review beside');
  const latest = list.dataPackages[0];
  const noReason = failed(await u.report('reviewReport', { unitId: UNIT, year: YEAR, decision: 'FollowUpMeeting', reason: ' ' }, u.tokens.chief), status.INVALID_ARGUMENT, 'review without reason');
  failed(await u.report('reviewReport', { unitId: UNIT, year: YEAR, decision: 'Accept' }, u.tokens.board), status.PERMISSION_DENIED, 'review by the board');
  const reason = 'Sprogdata og sygefravær kalder på et møde med bestyrelsen.';

  const reviewed = ok(await u.report('reviewReport', { unitId: UNIT, year: YEAR, decision: 'FollowUpMeeting', reason, requestId: requestId() }, u.tokens.chief), 'ReviewReport');
  const [reviewTask] = await u.tasks('TASK_KIND_REVIEW_BOARD_REPORT');
  const [schedule] = await u.inboxTasks('TASK_KIND_SCHEDULE_BOARD_FOLLOW_UP_MEETING');

  assert.deepEqual(Object.keys(rpc.fieldViolations(noReason)), ['reason']);
  assert.equal(reviewed.stage, 'FollowUpRequired');
  assert.deepEqual([reviewed.decision, reviewed.reason, reviewed.reviewedVersion], ['FollowUpMeeting', reason, 1]);
  assert.equal(reviewed.dataPackagePeriod, latest.period);
  assert.equal(reviewed.dataPackageVersion, latest.version);
  assert.equal(reviewTask.state, 'TASK_STATE_DONE');
  assert.equal(reviewTask.closed.actor, `chief:${u.chiefId}`);
  assert.ok(schedule, 'scheduling the meeting is in the chief inbox');
  assert.equal(schedule.assignee, 'ASSIGNEE_ROLE_CHIEF');
  assert.equal(schedule.resource, BOARD_REPORT);
  track.followUpDue = schedule.due;
});

test('the meeting is scheduled, then held and recorded; each step closes its task and raises the next', async () => {
  const at = addDays(START, 7);
  const past = failed(await u.report('scheduleFollowUpMeeting', { unitId: UNIT, year: YEAR, at: ts(addDays(START, -1)) }, u.tokens.chief), status.INVALID_ARGUMENT, 'a meeting in the past');
  const scheduled = ok(await u.report('scheduleFollowUpMeeting', { unitId: UNIT, year: YEAR, at: ts(at), requestId: requestId() }, u.tokens.chief), 'ScheduleFollowUpMeeting');
  const [scheduleTask] = await u.tasks('TASK_KIND_SCHEDULE_BOARD_FOLLOW_UP_MEETING');
  const [hold] = await u.inboxTasks('TASK_KIND_HOLD_BOARD_FOLLOW_UP_MEETING');

  assert.ok(rpc.fieldViolations(past).at);
  assert.equal(scheduled.stage, 'MeetingScheduled');
  assert.equal(instant(scheduled.meetingScheduledFor).toISOString(), at.toISOString());
  assert.equal(scheduleTask.state, 'TASK_STATE_DONE');
  assert.ok(hold, 'holding the meeting is in the chief inbox');
  assert.equal(dayString(hold.due), dayString(track.followUpDue), 'held by the follow-up deadline (later than the meeting day)');

  const heldAt = new Date(START.getTime() + 1000);
  const incomplete = failed(await u.report('recordFollowUpMeeting', { unitId: UNIT, year: YEAR, heldAt: ts(heldAt), notes: '' }, u.tokens.chief), status.INVALID_ARGUMENT, 'an empty meeting record');
  const held = ok(await u.report('recordFollowUpMeeting', {
    unitId: UNIT, year: YEAR, heldAt: ts(heldAt), notes: 'Handleplan for sprog aftalt; opfølgning i foråret.', attendees: ['Bestyrelsesformand', 'Børn og Unge-chef'], requestId: requestId(),
  }, u.tokens.chief), 'RecordFollowUpMeeting');
  const [holdTask] = await u.tasks('TASK_KIND_HOLD_BOARD_FOLLOW_UP_MEETING');
  const [closeTask] = await u.inboxTasks('TASK_KIND_CLOSE_SUPERVISION_CASE');

  assert.deepEqual(Object.keys(rpc.fieldViolations(incomplete)).sort(), ['attendees', 'notes']);
  assert.equal(held.stage, 'MeetingHeld');
  assert.deepEqual(held.meetingAttendees, ['Bestyrelsesformand', 'Børn og Unge-chef']);
  assert.equal(instant(held.meetingHeldAt).toISOString(), heldAt.toISOString());
  assert.equal(holdTask.state, 'TASK_STATE_DONE');
  assert.ok(closeTask, 'closing the case is in the chief inbox');
  assert.equal(closeTask.state, 'TASK_STATE_OPEN');
});

test('the chief closes the case: the last task closes and the history holds every attributed step', async () => {
  failed(await u.report('closeCase', { unitId: UNIT, year: YEAR }, u.tokens.board), status.PERMISSION_DENIED, 'closing by the board');
  const closed = ok(await u.report('closeCase', { unitId: UNIT, year: YEAR, conclusion: 'Opfølgningen er gennemført.', requestId: requestId() }, u.tokens.chief), 'CloseCase');
  const again = failed(await u.report('closeCase', { unitId: UNIT, year: YEAR }, u.tokens.chief), status.FAILED_PRECONDITION, 'closing twice');
  const [closeTask] = await u.tasks('TASK_KIND_CLOSE_SUPERVISION_CASE');
  const asBoard = ok(await u.report('getCase', { unitId: UNIT, year: YEAR }, u.tokens.board), 'GetCase by the board');
  const loopView = ok(await u.loops('getBoardReport', { name: BOARD_REPORT }, u.tokens.chief), 'GetBoardReport');
  const open = [];
  for (const kind of ['TASK_KIND_REVIEW_BOARD_REPORT', 'TASK_KIND_SCHEDULE_BOARD_FOLLOW_UP_MEETING', 'TASK_KIND_HOLD_BOARD_FOLLOW_UP_MEETING', 'TASK_KIND_CLOSE_SUPERVISION_CASE']) {
    open.push(...await u.inboxTasks(kind));
  }

  assert.equal(closed.stage, 'Closed');
  assert.equal(closed.conclusion, 'Opfølgningen er gennemført.');
  assert.ok(again.details.length > 0);
  assert.equal(closeTask.state, 'TASK_STATE_DONE');
  assert.equal(closeTask.closed.actor, `chief:${u.chiefId}`);
  assert.deepEqual(open, [], 'no step of the case is left in the inbox');
  assert.deepEqual(asBoard.history.map((e) => e.kind), ['Submitted', 'FollowUpRequired', 'MeetingScheduled', 'MeetingHeld', 'Closed']);
  assert.ok(asBoard.history.slice(1).every((e) => e.by === `chief:${u.chiefId}`));
  assert.ok(asBoard.history.every((e, i) => i === 0 || instant(e.at) >= instant(asBoard.history[i - 1].at)), 'events in order');
  assert.equal(loopView.status, 'BOARD_REPORT_STATUS_FOLLOW_UP_HELD');
  assert.equal(loopView.submitted.actor, `board:${u.unit.boardId}`);
  assert.equal(loopView.reviewed.actor, `chief:${u.chiefId}`);
  assert.equal(loopView.content, null, 'a report written on the template is read with Reports.GetReport');
});

test('another unit board is PERMISSION_DENIED on every report call and the print page', async () => {
  for (const token of [u.tokens.otherBoard, u.tokens.ordinaryBoard]) {
    for (const [method, request] of [
      ['startReport', { reportId: REPORT }],
      ['saveDraft', { reportId: REPORT, answers: COMPLETE }],
      ['submitReport', { reportId: REPORT, requestId: requestId() }],
      ['getReport', { reportId: REPORT }],
      ['getReceipt', { reportId: REPORT }],
      ['renderPrintable', { reportId: REPORT }],
      ['getCase', { unitId: UNIT, year: YEAR }],
    ]) {
      failed(await u.report(method, request, token), status.PERMISSION_DENIED, `${method} by another unit's board`);
    }
    assert.equal((await u.print(token)).status, 403);
  }
  const ownOther = failed(await u.report('startReport', { reportId: `${u.otherId}/tilsyn/${YEAR}` }, u.tokens.ordinaryBoard), status.PERMISSION_DENIED, 'a foreign report id');
  assert.match(ownOther.details, /not the unit of this board member/);
});

test('operations see the status and counts only; content, receipt and print are denied; the leader does not read the supervision report', async () => {
  const seen = ok(await u.report('getReportStatus', { reportId: REPORT }, u.tokens.operations), 'GetReportStatus');
  assert.deepEqual([seen.stage, seen.draftVersion, seen.corrections, seen.templateId], ['Submitted', 3, 0, 'tilsyn-selvejende-dagtilbud']);
  assert.equal(instant(seen.submittedAt).toISOString(), instant(track.receipt.submittedAt).toISOString());
  assert.deepEqual(Object.keys(seen).sort(), ['corrections', 'draftVersion', 'reportId', 'stage', 'submittedAt', 'templateId', 'templateVersion']);
  for (const [method, request] of [['getReport', { reportId: REPORT }], ['getReceipt', { reportId: REPORT }], ['renderPrintable', { reportId: REPORT }], ['getCase', { unitId: UNIT, year: YEAR }]]) {
    failed(await u.report(method, request, u.tokens.operations), status.PERMISSION_DENIED, `${method} by operations`);
  }
  assert.equal((await u.print(u.tokens.operations)).status, 403);
  failed(await u.report('getReport', { reportId: REPORT }, u.tokens.leader), status.PERMISSION_DENIED, 'GetReport by the leader');
  const admin = ok(await u.report('getReport', { reportId: REPORT }, u.tokens.admin), 'GetReport by the administration');
  assert.equal(admin.submissions.length, 1);
});

test('the board gets the printable rendering of its submitted report over HTTP (and RenderPrintable)', async () => {
  const page = await u.print(u.tokens.board);
  const html = await page.text();
  const rendered = ok(await u.report('renderPrintable', { reportId: REPORT }, u.tokens.board), 'RenderPrintable');
  const anonymous = await u.print(null);
  const notThere = await u.print(u.tokens.chief, u.otherId);

  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html; charset=utf-8/);
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.match(html, /@media print/);
  for (const text of [track.receipt.contentHash, 'Basistilsyn', 'Kommunale retningslinjer', 'Pædagogisk tilsyn', 'Legepladseftersynet er bestilt til november.']) {
    assert.ok(html.includes(text), `the page shows ${text}`);
  }
  assert.equal(rendered.html, html);
  assert.equal(rendered.contentType, 'text/html; charset=utf-8');
  assert.equal(anonymous.status, 401);
  assert.ok([403, 404].includes(notThere.status), `another unit's print page: ${notThere.status}`);
});

test('overdue path: the board reminder before 1 November, a restart after it keeps the draft, the board task is overdue and the chief gets an overdue task', async () => {
  const dataDir = newDataDir();
  const sqlite = { 'Storage:Engine': 'sqlite' };
  try {
    const early = await startGateway({ ...sqlite, 'Clock:Start': '2026-10-20T08:00:00Z' }, { dataDir });
    let draft;
    try {
      await early.settled();
      const e = await around(early);
      try {
        const [reminder] = await e.tasks('TASK_KIND_SUBMIT_BOARD_REPORT');
        assert.deepEqual([reminder.assignee, reminder.state, dayString(reminder.due)], ['ASSIGNEE_ROLE_BOARD', 'TASK_STATE_OPEN', '2026-11-01']);
        ok(await e.report('startReport', { reportId: REPORT }, e.tokens.board), 'StartReport');
        draft = ok(await e.report('saveDraft', { reportId: REPORT, answers: answers('b1', 'b2', 'b3', 'b4', 'k1'), basedOnVersion: 0 }, e.tokens.board), 'SaveDraft');
        assert.deepEqual(await e.inboxTasks('TASK_KIND_SUBMIT_BOARD_REPORT'), []);
      } finally {
        e.close();
      }
    } finally {
      await early.stop();
    }

    const late = await startGateway({ ...sqlite, 'Clock:Start': '2026-11-03T08:00:00Z' }, { dataDir });
    try {
      await late.settled();
      const l = await around(late);
      try {
        const resumed = ok(await l.report('getReport', { reportId: REPORT }, l.tokens.board), 'GetReport after the restart');
        assert.equal(resumed.draftVersion, 1);
        assert.deepEqual(resumed.answers, draft.answers, 'the saved draft survived the restart');
        assert.deepEqual(resumed.saves, draft.saves);

        const tasks = await l.tasks('TASK_KIND_SUBMIT_BOARD_REPORT');
        const byAssignee = Object.fromEntries(tasks.map((t) => [t.assignee, t]));
        assert.equal(byAssignee.ASSIGNEE_ROLE_BOARD?.state, 'TASK_STATE_OVERDUE');
        const [chase] = await l.inboxTasks('TASK_KIND_SUBMIT_BOARD_REPORT');
        assert.ok(chase, 'the chief inbox has the overdue board report');
        assert.deepEqual([chase.assignee, chase.state, dayString(chase.due), chase.resource], ['ASSIGNEE_ROLE_CHIEF', 'TASK_STATE_OVERDUE', '2026-11-01', BOARD_REPORT]);
        const pending = ok(await l.loops('getBoardReport', { name: BOARD_REPORT }, l.tokens.chief), 'GetBoardReport');
        assert.equal(pending.status, 'BOARD_REPORT_STATUS_PENDING');

        ok(await l.report('saveDraft', { reportId: REPORT, answers: COMPLETE, basedOnVersion: 1 }, l.tokens.board), 'SaveDraft after the restart');
        const submitted = ok(await l.report('submitReport', { reportId: REPORT, requestId: requestId() }, l.tokens.board), 'late SubmitReport');
        const after = await l.tasks('TASK_KIND_SUBMIT_BOARD_REPORT');
        const [review] = await l.inboxTasks('TASK_KIND_REVIEW_BOARD_REPORT');

        assert.equal(submitted.receipt.version, 1);
        assert.ok(instant(submitted.receipt.submittedAt) >= new Date('2026-11-03T08:00:00Z'));
        assert.ok(after.length === 2 && after.every((t) => t.state === 'TASK_STATE_DONE'), `both submit tasks done: ${after.map((t) => `${t.assignee}=${t.state}`).join(', ')}`);
        assert.ok(review, 'the late report goes to review');
      } finally {
        l.close();
      }
    } finally {
      await late.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
