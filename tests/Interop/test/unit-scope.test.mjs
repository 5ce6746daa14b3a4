// The access matrix at unit scope: every tilsyn.v1 method about one unit, called with a well-formed request
// for a daycare and for a self-owned daycare, by each caller relative to that unit: its chief, a chief of
// another portfolio, its leader, a leader of another unit, its board, a board of another unit, the
// administration and operations. Allowed calls get past access control (they may still fail for other
// reasons, e.g. FAILED_PRECONDITION); the others are PERMISSION_DENIED. The expectations are written from
// SPEC "Roles and what they may do", independently of the C# tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';

const { grpc, packageDefinition } = protos;
const { auth, status } = calls;
const { ts, addDays, ok } = loop;
const START = new Date('2026-04-20T08:00:00Z');
const PERIOD = '2026-Spring';

let gateway;
let client;

before(async () => {
  gateway = await gatewayLib.startGateway({ 'Clock:Start': START.toISOString() });
  await gateway.settled();
  client = new grpc.Client(gateway.address, grpc.credentials.createInsecure());
});

after(async () => {
  client?.close();
  await gateway?.stop();
});

const LINE = 'chief leader board admin';
const MEETING = 'chief leader';
const MEETING_SELF_OWNED = 'chief leader board';
const HOLDER = 'chief leader';
const HOLDER_SELF_OWNED = 'leader board';

/** method -> [request for unit u, allowed callers when not self-owned, allowed callers when self-owned]. */
function matrix(u, holderTask) {
  const conv = `units/${u}/loop/conversations/${PERIOD}`;
  const oneToOne = `units/${u}/loop/oneToOnes/${PERIOD}.1`;
  const report = `units/${u}/loop/boardReports/2026`;
  return {
    'Units/GetUnit': [{ name: `units/${u}` }, LINE, LINE],
    'Loops/GetLoop': [{ name: `units/${u}/loop` }, LINE, LINE],
    'Loops/GetLoopTimeline': [{ name: `units/${u}/loop` }, LINE, LINE],
    'Loops/GetConversation': [{ name: conv }, MEETING, MEETING_SELF_OWNED],
    'Loops/ScheduleConversation': [{ name: conv, scheduledFor: ts(addDays(START, 3)) }, HOLDER, HOLDER_SELF_OWNED],
    'Loops/HoldConversation': [{ name: conv, heldAt: ts(START) }, HOLDER, HOLDER_SELF_OWNED],
    'Loops/SubmitConversationRecord': [{ name: conv, record: {} }, HOLDER, HOLDER_SELF_OWNED],
    'Loops/CorrectConversationRecord': [{ name: conv, record: {}, reason: 'rettelse' }, HOLDER, HOLDER_SELF_OWNED],
    'Loops/AddBoardStatement': [{ parent: conv, text: 'Udtalelse' }, 'leader board', 'leader board'],
    'Loops/ListBoardStatements': [{ parent: conv }, 'chief leader board', 'chief leader board'],
    'Loops/GetConversationAgenda': [{ name: conv }, MEETING, MEETING_SELF_OWNED],
    'Loops/ChooseFocusAreas': [{ name: `units/${u}/loop`, focusAreas: [] }, HOLDER, HOLDER_SELF_OWNED],
    'Loops/ListAgreements': [{ parent: `units/${u}` }, MEETING, MEETING_SELF_OWNED],
    'Loops/CloseAgreement': [{ name: `units/${u}/agreements/conversation:${PERIOD}#1` }, 'chief leader', 'chief leader board'],
    'Loops/GetOneToOne': [{ name: oneToOne }, 'chief leader', 'chief leader'],
    'Loops/ScheduleOneToOne': [{ name: oneToOne, scheduledFor: ts(addDays(START, 40)) }, 'chief leader', 'chief leader'],
    'Loops/HoldOneToOne': [{ name: oneToOne, heldAt: ts(START) }, 'chief leader', 'chief leader'],
    'Loops/RecordOneToOne': [{ name: oneToOne, record: {} }, 'chief leader', 'chief leader'],
    'Loops/GetOneToOneAgenda': [{ name: oneToOne }, 'chief leader', 'chief leader'],
    'Loops/GetBoardReport': [{ name: report }, 'chief leader admin', 'chief leader board admin'],
    'Loops/SubmitBoardReport': [{ name: report, content: {} }, '', 'board'],
    'Loops/ReviewBoardReport': [{ name: report, followUpRequired: false }, 'chief', 'chief'],
    'Loops/RecordBoardFollowUpMeeting': [{ name: report, heldAt: ts(START) }, 'chief', 'chief'],
    'Loops/SubmitOpsamling': [{ parent: `units/${u}/loop`, summary: 'Opsamling' }, HOLDER, HOLDER_SELF_OWNED],
    'DataPackages/GetUnitDataPackage': [{ name: `units/${u}/dataPackages/${PERIOD}` }, LINE, LINE],
    'DataPackages/ListUnitDataPackages': [{ parent: `units/${u}` }, LINE, LINE],
    'Inbox/ListTasks': [{ parent: `units/${u}` }, LINE, LINE],
    'Inbox/CompleteTask': [{ name: holderTask }, 'chief', 'board'],
  };
}

/** Calls a method; resolves the status code and message (streams are read until they end). */
function call(key, request, token) {
  const [service, method] = key.split('/');
  const d = packageDefinition[`tilsyn.v1.${service}`][method];
  const options = { deadline: Date.now() + 3000 };
  return new Promise((resolve) => {
    if (d.responseStream) {
      const stream = client.makeServerStreamRequest(d.path, d.requestSerialize, d.responseDeserialize, request, auth(token), options);
      stream.on('data', () => {});
      stream.on('error', (e) => resolve({ code: e.code, details: e.details }));
      stream.on('end', () => setImmediate(() => resolve({ code: status.OK, details: '' })));
    } else {
      client.makeUnaryRequest(d.path, d.requestSerialize, d.responseDeserialize, request, auth(token), options, (e) =>
        resolve(e ? { code: e.code, details: e.details } : { code: status.OK, details: '' }),
      );
    }
  });
}

/** The eight callers relative to a unit. */
async function callersOf(unitId) {
  const admin = gateway.tokenOfRole('administration');
  const units = gateway.client(protos.tilsyn.Units);
  const unit = ok(await new Promise((resolve) => units.getUnit({ name: `units/${unitId}` }, auth(admin), (error, response) => resolve(error ? { error } : { response }))));
  units.close();
  const chief = unit.chief.replace('chiefs/', '');
  const otherChief = chief === 'bu-chef-1' ? 'bu-chef-2' : 'bu-chef-1';
  return {
    unit,
    chief,
    tokens: {
      chief: gateway.token(`chief:${chief}`),
      otherChief: gateway.token(`chief:${otherChief}`),
      leader: gateway.token(`leader:${unitId}`),
      otherLeader: gateway.token(unitId === 'langagerskolen' ? 'leader:strandens-dagtilbud' : 'leader:langagerskolen'),
      board: gateway.token(`board:${unitId}`),
      otherBoard: gateway.token(unitId === 'fu-egebakken' ? 'board:strandens-dagtilbud' : 'board:fu-egebakken'),
      admin,
      ops: gateway.tokenOfRole('operations'),
    },
  };
}

/** A task of the conversation holder (the chief, or the board of a self-owned daycare): only that role completes it. */
async function holderTaskOf(unitId, admin) {
  const inbox = gateway.client(protos.tilsyn.Inbox);
  try {
    return await loop.eventually(async () => {
      const tasks = await new Promise((resolve) => inbox.listTasks(
        { parent: `units/${unitId}`, filter: { kinds: ['TASK_KIND_SCHEDULE_CONVERSATION'], assignees: ['ASSIGNEE_ROLE_CHIEF', 'ASSIGNEE_ROLE_BOARD'] } },
        auth(admin), (error, response) => resolve(ok(error ? { error } : { response }))));
      return tasks.tasks[0]?.name;
    }, { what: `a schedule task of ${unitId}` });
  } finally {
    inbox.close();
  }
}

async function checkMatrix(unitId) {
  const { unit, chief, tokens } = await callersOf(unitId);
  const rows = matrix(unitId, await holderTaskOf(unitId, tokens.admin));
  rows['Inbox/ListTasks (chief inbox)'] = [{ parent: `chiefs/${chief}` }, 'chief', 'chief'];
  rows['Inbox/WatchInbox'] = [{ parent: `chiefs/${chief}` }, 'chief', 'chief'];
  const wrong = [];
  for (const [key, [request, notSelfOwned, selfOwned]] of Object.entries(rows)) {
    const allowed = (unit.selfOwned ? selfOwned : notSelfOwned).split(' ').filter(Boolean);
    for (const [caller, token] of Object.entries(tokens)) {
      const { code, details } = await call(key.replace(/ \(.*\)$/, ''), request, token);
      const denied = code === status.PERMISSION_DENIED;
      if (code === status.UNAUTHENTICATED || denied === allowed.includes(caller)) wrong.push(`${key} by ${caller}: ${code} ${details}`);
    }
  }
  assert.deepEqual(wrong, [], `unexpected access decisions for ${unitId}:\n${wrong.join('\n')}`);
}

test('a daycare: the chief holds its conversations; the board sees status, packages, tasks and its statements', async () => {
  await checkMatrix('strandens-dagtilbud');
});

test('a self-owned daycare: the board holds its conversations and reports its supervision; the chief reviews', async () => {
  await checkMatrix('dt-havbrisen');
});

test('a skole and an FU unit follow the daycare rules', async () => {
  await checkMatrix('langagerskolen');
  await checkMatrix('fu-egebakken');
});
