// tilsyn.v1.Inbox through the real grpc-js client: the chief's inbox and a unit's tasks with filters and
// pages, completing tasks by hand (only the assignee's role; tasks closed by their own action refuse), and
// WatchInbox: the snapshot, then raised and closed tasks as the loop moves, deadlines, cancellation,
// heartbeats. The domain clock starts on 20 April 2026 (Clock:Start): conversation windows are open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';
import rpc from '../lib/rpcstatus.js';
import streams from '../lib/stream.js';

const { tilsyn, grpc } = protos;
const { unary, auth, status } = calls;
const { ts, addDays, ok, failed, requestId } = loop;
const { StreamReader } = streams;

const START = new Date('2026-04-20T08:00:00Z');

let gateway;
let inbox;
let loops;

before(async () => {
  gateway = await gatewayLib.startGateway({ 'Clock:Start': START.toISOString(), 'Gateway:Inbox:HeartbeatEvery': '00:00:01' });
  await gateway.settled();
  inbox = gateway.client(tilsyn.Inbox);
  loops = gateway.client(tilsyn.Loops);
});

after(async () => {
  inbox?.close();
  loops?.close();
  await gateway?.stop();
});

const chief1 = () => gateway.token('chief:bu-chef-1');

function watch(token, request, options = {}) {
  return new StreamReader(inbox.watchInbox(request, auth(token), options));
}

test('a chief lists the portfolio tasks page by page: overdue first, then by due day, filters applied', async () => {
  const all = [];
  let pageToken = '';
  let total;
  do {
    const page = ok(await unary(inbox, 'listTasks', { parent: 'chiefs/bu-chef-1', pageSize: 9, pageToken }, { token: chief1() }));
    all.push(...page.tasks);
    total = page.totalSize;
    pageToken = page.nextPageToken;
  } while (pageToken);
  const mine = ok(await unary(inbox, 'listTasks', {
    parent: 'chiefs/bu-chef-1', filter: { kinds: ['TASK_KIND_SCHEDULE_CONVERSATION'], assignees: ['ASSIGNEE_ROLE_CHIEF'], unit: 'units/strandens-dagtilbud' },
  }, { token: chief1() }));

  assert.equal(all.length, total);
  assert.ok(total > 0);
  assert.equal(new Set(all.map((t) => t.name)).size, total, 'no task twice across pages');
  assert.ok(all.every((t) => t.chief === 'chiefs/bu-chef-1' && ['TASK_STATE_OPEN', 'TASK_STATE_OVERDUE'].includes(t.state)));
  const dues = all.filter((t) => t.state === 'TASK_STATE_OPEN').map((t) => `${t.due.year}-${String(t.due.month).padStart(2, '0')}-${String(t.due.day).padStart(2, '0')}`);
  assert.deepEqual(dues, [...dues].sort());
  assert.equal(mine.tasks.length, 1);
  assert.equal(mine.tasks[0].resource, 'units/strandens-dagtilbud/loop/conversations/2026-Spring');
  assert.equal(mine.tasks[0].unitDisplayName, 'Strandens Dagtilbud');
});

test('a leader lists the unit tasks; inboxes are their chief own', async () => {
  const leader = gateway.token('leader:strandens-dagtilbud');
  const tasks = ok(await unary(inbox, 'listTasks', { parent: 'units/strandens-dagtilbud' }, { token: leader }));

  assert.ok(tasks.tasks.length > 0 && tasks.tasks.every((t) => t.unit === 'units/strandens-dagtilbud'));
  failed(await unary(inbox, 'listTasks', { parent: 'chiefs/bu-chef-1' }, { token: leader }), status.PERMISSION_DENIED);
  failed(await unary(inbox, 'listTasks', { parent: 'chiefs/bu-chef-1' }, { token: gateway.token('chief:bu-chef-2') }), status.PERMISSION_DENIED);
  failed(await unary(inbox, 'listTasks', { parent: 'units/langagerskolen' }, { token: leader }), status.PERMISSION_DENIED);
  const bad = failed(await unary(inbox, 'listTasks', { parent: 'teams/x', filter: { states: ['TASK_STATE_UNSPECIFIED'] } }, { token: leader }), status.INVALID_ARGUMENT);
  assert.ok(rpc.fieldViolations(bad)['filter.states[0]']);
});

test('CompleteTask: tasks closed by their own action are FAILED_PRECONDITION naming it; only the assignee role may complete', async () => {
  const found = ok(await unary(inbox, 'listTasks', {
    parent: 'units/strandens-dagtilbud', filter: { kinds: ['TASK_KIND_SCHEDULE_CONVERSATION'], assignees: ['ASSIGNEE_ROLE_CHIEF'] },
  }, { token: chief1() }));
  const task = found.tasks[0];

  const byChief = failed(await unary(inbox, 'completeTask', { name: task.name, requestId: requestId() }, { token: chief1() }), status.FAILED_PRECONDITION);
  const byLeader = failed(await unary(inbox, 'completeTask', { name: task.name }, { token: gateway.token('leader:strandens-dagtilbud') }), status.PERMISSION_DENIED);
  const missing = failed(await unary(inbox, 'completeTask', { name: 'units/strandens-dagtilbud/tasks/ScheduleConversation~2031-Spring~Chief' }, { token: chief1() }), status.NOT_FOUND);

  assert.match(byChief.details, /ScheduleConversation/);
  assert.equal(rpc.preconditionViolations(byChief)[0].type, 'CLOSES_BY_ITS_ACTION');
  assert.match(byLeader.details, /assigned to the chief/);
  assert.match(missing.details, /no task/);
});

test('the administration completes the focus-area overview task a unit raises when it chooses its focus areas', async () => {
  const unit = 'sk-lindegaarden';
  const admin = gateway.tokenOfRole('administration');
  const units = gateway.client(tilsyn.Units);
  const info = ok(await unary(units, 'getUnit', { name: `units/${unit}` }, { token: admin }));
  units.close();
  const chief = gateway.token(`chief:${info.chief.replace('chiefs/', '')}`);
  const first = `units/${unit}/loop/conversations/2026-Spring`;
  ok(await unary(loops, 'scheduleConversation', { name: first, scheduledFor: ts(addDays(START, 2)) }, { token: chief }));
  ok(await unary(loops, 'holdConversation', { name: first, heldAt: ts(START) }, { token: chief }));
  ok(await unary(loops, 'chooseFocusAreas', { name: `units/${unit}/loop`, focusAreas: [{ themeCode: 'TRIVSEL', title: 'Trivsel i udskolingen' }] }, { token: chief }));
  const raised = ok(await unary(inbox, 'listTasks', { parent: `units/${unit}`, filter: { kinds: ['TASK_KIND_COMPILE_FOCUS_AREA_OVERVIEW'] } }, { token: admin }));
  const task = raised.tasks[0];

  const done = ok(await unary(inbox, 'completeTask', { name: task.name, note: 'Med i oversigten', requestId: requestId() }, { token: admin }));
  const again = ok(await unary(inbox, 'completeTask', { name: task.name, requestId: requestId() }, { token: admin }));
  const byChief = failed(await unary(inbox, 'completeTask', { name: task.name }, { token: chief }), status.PERMISSION_DENIED);

  assert.equal(task.assignee, 'ASSIGNEE_ROLE_ADMINISTRATION');
  assert.equal(done.state, 'TASK_STATE_DONE');
  assert.equal(done.closed.actor, 'administration:forvaltningen-1');
  assert.equal(again.state, 'TASK_STATE_DONE');
  assert.match(byChief.details, /assigned to the administration/);
});

test('WatchInbox streams the snapshot, then the task a change raises and the task it closes', async () => {
  const stream = watch(chief1(), { parent: 'chiefs/bu-chef-1', filter: { unit: 'units/strandens-dagtilbud' } });
  try {
    const snapshot = await stream.until((e) => e.type === 'INBOX_EVENT_TYPE_SNAPSHOT_END');
    const scheduleTask = snapshot.find((e) => e.task?.kind === 'TASK_KIND_SCHEDULE_CONVERSATION');
    assert.ok(scheduleTask, `the snapshot has the schedule task: ${snapshot.map((e) => e.task?.name).join(', ')}`);
    assert.ok(snapshot.slice(0, -1).every((e) => e.type === 'INBOX_EVENT_TYPE_SNAPSHOT' && e.task.unit === 'units/strandens-dagtilbud'));

    ok(await unary(loops, 'scheduleConversation', { name: scheduleTask.task.resource, scheduledFor: ts(addDays(START, 5)), requestId: requestId() }, { token: chief1() }));
    const raised = await stream.until((e) => e.type === 'INBOX_EVENT_TYPE_RAISED' && e.task.kind === 'TASK_KIND_HOLD_CONVERSATION');
    const closed = [...raised, ...(raised.some((e) => e.type === 'INBOX_EVENT_TYPE_CLOSED') ? [] : await stream.until((e) => e.type === 'INBOX_EVENT_TYPE_CLOSED'))]
      .find((e) => e.type === 'INBOX_EVENT_TYPE_CLOSED');

    assert.equal(closed.task.name, scheduleTask.task.name);
    assert.equal(closed.task.state, 'TASK_STATE_DONE');
    assert.equal(closed.task.closed.actor, 'chief:bu-chef-1');
    assert.ok(raised.at(-1).observedAt);
  } finally {
    stream.call.cancel();
  }
});

test('WatchInbox ends with DEADLINE_EXCEEDED at the deadline after its snapshot', async () => {
  const started = Date.now();
  const stream = watch(chief1(), { parent: 'chiefs/bu-chef-1' }, { deadline: Date.now() + 2500 });

  await stream.until((e) => e.type === 'INBOX_EVENT_TYPE_SNAPSHOT_END');
  const error = await stream.end();

  assert.equal(error?.code, status.DEADLINE_EXCEEDED);
  assert.ok(Date.now() - started >= 2000, 'the stream stayed open until about the deadline');
});

test('WatchInbox cancelled by the client ends as CANCELLED and the server keeps serving', async () => {
  const streamsOpen = Array.from({ length: 8 }, () => watch(chief1(), { parent: 'chiefs/bu-chef-1' }));
  await Promise.all(streamsOpen.map((s) => s.until((e) => e.type === 'INBOX_EVENT_TYPE_SNAPSHOT_END')));

  streamsOpen.forEach((s) => s.call.cancel());
  const errors = await Promise.all(streamsOpen.map((s) => s.end()));
  const after = ok(await unary(inbox, 'listTasks', { parent: 'chiefs/bu-chef-1', pageSize: 1 }, { token: chief1() }));

  assert.ok(errors.every((e) => e?.code === status.CANCELLED));
  assert.equal(after.tasks.length, 1);
});

test('an idle WatchInbox sends heartbeats', async () => {
  const stream = watch(chief1(), { parent: 'chiefs/bu-chef-1', filter: { kinds: ['TASK_KIND_OPSAMLING'] } });
  try {
    const events = await stream.until((e) => e.type === 'INBOX_EVENT_TYPE_HEARTBEAT', 10_000);
    assert.equal(events[0].type, 'INBOX_EVENT_TYPE_SNAPSHOT_END');
    assert.equal(events.at(-1).task, null);
  } finally {
    stream.call.cancel();
  }
});

test('WatchInbox of another chief inbox is PERMISSION_DENIED; a malformed parent is INVALID_ARGUMENT', async () => {
  const other = await watch(gateway.token('chief:bu-chef-2'), { parent: 'chiefs/bu-chef-1' }).end();
  const leader = await watch(gateway.token('leader:strandens-dagtilbud'), { parent: 'chiefs/bu-chef-1' }).end();
  const malformed = await watch(chief1(), { parent: 'units/strandens-dagtilbud' }).end();

  assert.equal(other?.code, status.PERMISSION_DENIED);
  assert.equal(leader?.code, status.PERMISSION_DENIED);
  assert.equal(malformed?.code, status.INVALID_ARGUMENT);
  assert.deepEqual(Object.keys(rpc.fieldViolations(malformed)), ['parent']);
});
