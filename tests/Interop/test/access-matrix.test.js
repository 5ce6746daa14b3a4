'use strict';
// The access gate: each role against each tilsyn.v1 method, allowed or PERMISSION_DENIED, and
// UNAUTHENTICATED without a token. Written independently of the C# table: SPEC "Roles and what they
// may do" at the level of roles (the unit-level scope is tested per service).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startGateway } = require('../lib/gateway');
const { grpc, packageDefinition, tilsynMethods } = require('../lib/protos');
const { auth, status } = require('../lib/calls');

const ALL_BUT_OPS = 'chief leader board administration';
const CONVERSATION_PARTIES = 'chief leader board';
const expected = {
  'Units/GetUnit': ALL_BUT_OPS,
  'Units/ListUnits': ALL_BUT_OPS,
  'Units/ImportUnits': 'administration',
  'Loops/GetLoop': ALL_BUT_OPS,
  'Loops/GetLoopTimeline': ALL_BUT_OPS,
  'Loops/GetConversation': CONVERSATION_PARTIES,
  'Loops/ScheduleConversation': CONVERSATION_PARTIES,
  'Loops/HoldConversation': CONVERSATION_PARTIES,
  'Loops/SubmitConversationRecord': CONVERSATION_PARTIES,
  'Loops/CorrectConversationRecord': CONVERSATION_PARTIES,
  'Loops/AddBoardStatement': 'leader board',
  'Loops/ListBoardStatements': CONVERSATION_PARTIES,
  'Loops/GetConversationAgenda': CONVERSATION_PARTIES,
  'Loops/ChooseFocusAreas': CONVERSATION_PARTIES,
  'Loops/ListAgreements': CONVERSATION_PARTIES,
  'Loops/CloseAgreement': CONVERSATION_PARTIES,
  'Loops/GetOneToOne': 'chief leader',
  'Loops/ScheduleOneToOne': 'chief leader',
  'Loops/HoldOneToOne': 'chief leader',
  'Loops/RecordOneToOne': 'chief leader',
  'Loops/GetOneToOneAgenda': 'chief leader',
  'Loops/GetBoardReport': ALL_BUT_OPS,
  'Loops/SubmitBoardReport': 'board',
  'Loops/ReviewBoardReport': 'chief',
  'Loops/RecordBoardFollowUpMeeting': 'chief',
  'Loops/SubmitOpsamling': CONVERSATION_PARTIES,
  'DataPackages/ImportDataPackageRelease': 'administration',
  'DataPackages/GetUnitDataPackage': ALL_BUT_OPS,
  'DataPackages/ListUnitDataPackages': ALL_BUT_OPS,
  'Inbox/ListTasks': ALL_BUT_OPS,
  'Inbox/CompleteTask': ALL_BUT_OPS,
  'Inbox/WatchInbox': ALL_BUT_OPS,
  'Areas/GetThemes': ALL_BUT_OPS,
  'Areas/SetThemes': 'administration',
  'Areas/GetFocusAreaOverview': 'administration',
  'Areas/GetOpsamlingOverview': 'administration',
  'Administration/GetWheelConfig': 'chief leader administration',
  'Administration/AddWheelVersion': 'administration',
  'Operations/GetLoopHealthSummary': 'administration operations',
  'Operations/ListUnitLoopHealth': 'administration operations',
  'Reports/GetTemplate': ALL_BUT_OPS,
  'Reports/ListTemplates': ALL_BUT_OPS,
  'Reports/PublishTemplate': 'administration',
  'Reports/StartReport': 'board',
  'Reports/SaveDraft': 'board',
  'Reports/GetReport': ALL_BUT_OPS,
  'Reports/SubmitReport': 'board',
  'Reports/CorrectReport': 'board',
  'Reports/GetReceipt': ALL_BUT_OPS,
  'Reports/RenderPrintable': ALL_BUT_OPS,
  'Reports/ReviewReport': 'chief',
  'Reports/ScheduleFollowUpMeeting': 'chief',
  'Reports/RecordFollowUpMeeting': 'chief',
  'Reports/CloseCase': 'chief',
  'Reports/GetCase': ALL_BUT_OPS,
  'Reports/GetReportStatus': 'chief leader board administration operations',
};
const roles = ['chief', 'leader', 'board', 'administration', 'operations'];

let gateway;
let client;

before(async () => {
  gateway = await startGateway();
  client = new grpc.Client(gateway.address, grpc.credentials.createInsecure());
});

after(async () => {
  client?.close();
  await gateway?.stop();
});

/** Calls a method with its default (empty) request; resolves the final status code and message. */
function call(m, token) {
  const d = packageDefinition[m.service][m.method];
  const options = { deadline: Date.now() + 5000 };
  return new Promise((resolve) => {
    if (m.responseStream) {
      const stream = client.makeServerStreamRequest(d.path, d.requestSerialize, d.responseDeserialize, {}, auth(token), options);
      stream.on('data', () => {});
      stream.on('error', (e) => resolve({ code: e.code, details: e.details }));
      stream.on('end', () => setImmediate(() => resolve({ code: status.OK, details: '' })));
    } else {
      client.makeUnaryRequest(d.path, d.requestSerialize, d.responseDeserialize, {}, auth(token), options, (e) =>
        resolve(e ? { code: e.code, details: e.details } : { code: status.OK, details: '' }),
      );
    }
  });
}

const key = (m) => `${m.service.replace('tilsyn.v1.', '')}/${m.method}`;

test('every declared method has an expectation here', () => {
  const declared = tilsynMethods.map(key).sort();

  assert.deepEqual(declared, Object.keys(expected).sort());
});

test('without a token every method is UNAUTHENTICATED', async () => {
  for (const m of tilsynMethods) {
    const { code } = await call(m, null);
    assert.equal(code, status.UNAUTHENTICATED, key(m));
  }
});

for (const role of roles) {
  test(`${role}: allowed methods pass the gate, the others are PERMISSION_DENIED with a reason`, async () => {
    const token = gateway.tokenOfRole(role);
    for (const m of tilsynMethods) {
      const allowed = expected[key(m)].split(' ').includes(role);
      const { code, details } = await call(m, token);
      if (allowed) {
        assert.ok(![status.PERMISSION_DENIED, status.UNAUTHENTICATED].includes(code), `${role} ${key(m)}: ${code} ${details}`);
      } else {
        assert.equal(code, status.PERMISSION_DENIED, `${role} ${key(m)}`);
        assert.match(details, / may not /, `${role} ${key(m)}`);
      }
    }
  });
}
