// tilsyn.v1.Loops through the real grpc-js client: a whole loop for one unit of each sector (the first
// conversation scheduled, held, written up with the board's statement, focus areas chosen at it,
// agreements carried and closed, a 1:1 held and recorded), a self-owned board's supervision report,
// corrections with optimistic concurrency, and the loop's own error answers.
//
// The domain clock starts at a fixed instant (Clock:Start) so that the first conversation's window is
// open whatever day the suite runs: 6-18 loops start at the treatment on 31 March of even years, 0-6
// loops in odd years, so one gateway starts in April 2026 (skole, FU) and one in April 2027 (dagtilbud).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';
import rpc from '../lib/rpcstatus.js';

const { startGateway } = gatewayLib;
const { tilsyn } = protos;
const { unary, status } = calls;
const { ts, day, addDays, requestId, ok, failed, firstMinutes } = loop;

const START_6_18 = new Date('2026-04-20T08:00:00Z');
const START_0_6 = new Date('2027-04-20T08:00:00Z');

let gateways;

before(async () => {
  const [sixToEighteen, zeroToSix] = await Promise.all([
    startGateway({ 'Clock:Start': START_6_18.toISOString() }),
    startGateway({ 'Clock:Start': START_0_6.toISOString() }),
  ]);
  gateways = { sixToEighteen, zeroToSix };
  await Promise.all([sixToEighteen.settled(), zeroToSix.settled()]);
});

after(async () => {
  await Promise.all(Object.values(gateways ?? {}).map((g) => g.stop()));
});

/** Clients and tokens around one unit of a gateway. */
async function around(gateway, unitId, start) {
  const units = gateway.client(tilsyn.Units);
  const loops = gateway.client(tilsyn.Loops);
  const admin = gateway.tokenOfRole('administration');
  const unit = ok(await unary(units, 'getUnit', { name: `units/${unitId}` }, { token: admin }), 'GetUnit');
  const chiefId = unit.chief.replace('chiefs/', '');
  const tokens = {
    chief: gateway.token(`chief:${chiefId}`),
    leader: gateway.mint('leader', unit.leaderId, [unitId]),
    board: gateway.mint('board', unit.boardId, [unitId]),
    admin,
  };
  tokens.holder = unit.selfOwned ? tokens.board : tokens.chief;
  const call = (method, request, token) => unary(loops, method, request, { token });
  return { unit, unitId, chiefId, tokens, call, start, close: () => { units.close(); loops.close(); } };
}

/** Runs the first conversation and what follows it for the unit; returns what the checks need. */
async function wholeLoop(gateway, unitId, start) {
  const u = await around(gateway, unitId, start);
  const { call, tokens } = u;
  const holderActor = u.unit.selfOwned ? `board:${u.unit.boardId}` : `chief:${u.chiefId}`;
  try {
    const before = ok(await call('getLoop', { name: `units/${unitId}/loop` }, tokens.leader), 'GetLoop');
    const first = before.conversations[0];
    assert.equal(first.number, 1);
    assert.equal(first.status, 'CONVERSATION_STATUS_PLANNED');
    assert.ok(before.themes.length > 0, 'the loop has its political themes');
    assert.equal(before.holder, u.unit.selfOwned ? 'CONVERSATION_HOLDER_BOARD' : 'CONVERSATION_HOLDER_CHIEF');

    const scheduled = ok(await call('scheduleConversation', { name: first.name, scheduledFor: ts(addDays(start, 7)), requestId: requestId() }, tokens.holder), 'Schedule');
    assert.equal(scheduled.status, 'CONVERSATION_STATUS_SCHEDULED');

    const held = ok(await call('holdConversation', { name: first.name, heldAt: ts(start), requestId: requestId() }, tokens.holder), 'Hold');
    assert.equal(held.status, 'CONVERSATION_STATUS_HELD');
    assert.equal(held.held.actor, holderActor);

    const statement = ok(await call('addBoardStatement', { parent: first.name, text: 'Bestyrelsen ønsker fokus på forældresamarbejdet.', requestId: requestId() }, tokens.board), 'AddBoardStatement');
    assert.equal(statement.submitted.actor, `board:${u.unit.boardId}`);
    const statements = ok(await call('listBoardStatements', { parent: first.name }, tokens.leader), 'ListBoardStatements');
    assert.equal(statements.statements.length, 1);

    const record = ok(await call('submitConversationRecord', { name: first.name, record: firstMinutes(u.unit, start), requestId: requestId() }, tokens.leader), 'SubmitRecord');
    assert.equal(record.version, 1);
    assert.equal(record.written.actor, `leader:${u.unit.leaderId}`);
    assert.equal(record.name, `${first.name}/records/1`);

    const conversation = ok(await call('getConversation', { name: first.name }, tokens.holder), 'GetConversation');
    assert.equal(conversation.recordVersion, 1);
    assert.equal(conversation.records.length, 1);
    assert.equal(conversation.records[0].content.decision, record.content.decision);
    assert.ok(conversation.minutesDue, 'minutes due is set once held');

    const themes = before.themes;
    const focus = ok(await call('chooseFocusAreas', {
      name: `units/${unitId}/loop`,
      focusAreas: [
        { themeCode: themes[0].code, title: 'Sprogindsats i alle grupper', description: '' },
        { themeCode: themes[1].code, title: 'Fællesskaber på tværs', description: 'Fra 1:1 og bestyrelsen.' },
      ],
      requestId: requestId(),
    }, tokens.leader), 'ChooseFocusAreas');
    assert.equal(focus.version, 1);
    assert.equal(focus.focusAreas.length, 2);

    const oneToOne = before.oneToOnes.find((o) => o.status === 'ONE_TO_ONE_STATUS_PLANNED');
    assert.ok(oneToOne, 'a planned 1:1');
    const scheduledOneToOne = ok(await call('scheduleOneToOne', { name: oneToOne.name, scheduledFor: ts(addDays(start, 30)), requestId: requestId() }, tokens.chief), 'ScheduleOneToOne');
    assert.equal(scheduledOneToOne.status, 'ONE_TO_ONE_STATUS_SCHEDULED');
    ok(await call('holdOneToOne', { name: oneToOne.name, heldAt: ts(start), requestId: requestId() }, tokens.leader), 'HoldOneToOne');
    const recorded = ok(await call('recordOneToOne', {
      name: oneToOne.name,
      record: {
        summary: 'Opfølgning på sprogindsatsen og data fra datapakken.',
        decisions: ['Lederen samler erfaringer fra afdelingerne'],
        agreements: [{ action: 'Opsamling af erfaringer til næste samtale', owner: 'leder', due: day(addDays(start, 120)) }],
      },
      requestId: requestId(),
    }, tokens.chief), 'RecordOneToOne');
    assert.equal(recorded.status, 'ONE_TO_ONE_STATUS_HELD');
    assert.equal(recorded.record.content.agreements.length, 1);
    const agenda = ok(await call('getOneToOneAgenda', { name: oneToOne.name }, tokens.leader), 'GetOneToOneAgenda');
    assert.ok(agenda.commonItems.length > 0);

    const agreements = ok(await call('listAgreements', { parent: `units/${unitId}` }, tokens.leader), 'ListAgreements');
    assert.deepEqual(agreements.agreements.map((a) => a.sourceKind).sort(), ['AGREEMENT_SOURCE_KIND_CONVERSATION', 'AGREEMENT_SOURCE_KIND_ONE_TO_ONE']);
    const closed = ok(await call('closeAgreement', { name: agreements.agreements[0].name, closingNote: 'Gennemført', requestId: requestId() }, tokens.leader), 'CloseAgreement');
    assert.equal(closed.status, 'AGREEMENT_STATUS_CLOSED');
    assert.equal(closed.closed.actor, `leader:${u.unit.leaderId}`);
    const open = ok(await call('listAgreements', { parent: `units/${unitId}`, status: 'AGREEMENT_STATUS_OPEN' }, tokens.chief), 'ListAgreements open');
    assert.equal(open.totalSize, 1);

    const after = ok(await call('getLoop', { name: `units/${unitId}/loop` }, tokens.board), 'GetLoop after');
    assert.equal(after.health.conversationsHeld, 1);
    assert.equal(after.health.oneToOnesHeld, 1);
    assert.equal(after.health.openAgreements, 1);
    assert.equal(after.focusAreasVersion, 1);
    assert.equal(after.focusAreas.length, 2);
    const timeline = ok(await call('getLoopTimeline', { name: `units/${unitId}/loop` }, tokens.board), 'GetLoopTimeline');
    const conversationEntry = timeline.entries.find((e) => e.kind === 'TIMELINE_ENTRY_KIND_CONVERSATION' && e.resource === first.name);
    assert.equal(conversationEntry?.state, 'TIMELINE_ENTRY_STATE_DONE');
    return { ...u, first, second: before.conversations[1], oneToOne };
  } finally {
    u.close();
  }
}

test('a skole unit runs its first conversation, focus areas, agreements and a 1:1 through the API', async () => {
  await wholeLoop(gateways.sixToEighteen, 'langagerskolen', START_6_18);
});

test('an FU unit runs its loop with the FU participants (deputy, leisure centre, youth school, youth)', async () => {
  await wholeLoop(gateways.sixToEighteen, 'fu-egebakken', START_6_18);
});

test('a dagtilbud runs its loop with the chief holding the conversations', async () => {
  await wholeLoop(gateways.zeroToSix, 'strandens-dagtilbud', START_0_6);
});

test('a self-owned dagtilbud: the board holds the conversations and reports its supervision in writing', async () => {
  const u = await wholeLoop(gateways.zeroToSix, 'dt-havbrisen', START_0_6);
  const loops = gateways.zeroToSix.client(tilsyn.Loops);
  try {
    const name = `units/dt-havbrisen/loop/boardReports/${START_0_6.getUTCFullYear()}`;
    const content = { basicSupervision: 'Basistilsyn uden bemærkninger.', municipalGuidelines: 'Retningslinjerne følges.', pedagogicalSupervision: 'Læreplanen er evalueret.' };
    const pending = ok(await unary(loops, 'getBoardReport', { name }, { token: u.tokens.chief }));
    assert.equal(pending.status, 'BOARD_REPORT_STATUS_PENDING');

    const submitted = ok(await unary(loops, 'submitBoardReport', { name, content, requestId: requestId() }, { token: u.tokens.board }));
    assert.equal(submitted.status, 'BOARD_REPORT_STATUS_SUBMITTED');
    assert.equal(submitted.content.basicSupervision, content.basicSupervision);

    const reviewed = ok(await unary(loops, 'reviewBoardReport', { name, followUpRequired: true, note: 'Data om normering kalder på et møde.', requestId: requestId() }, { token: u.tokens.chief }));
    assert.equal(reviewed.status, 'BOARD_REPORT_STATUS_FOLLOW_UP_REQUIRED');
    assert.equal(reviewed.reviewed.actor, `chief:${u.chiefId}`);
    const meeting = ok(await unary(loops, 'recordBoardFollowUpMeeting', { name, heldAt: ts(START_0_6), requestId: requestId() }, { token: u.tokens.chief }));
    assert.equal(meeting.status, 'BOARD_REPORT_STATUS_FOLLOW_UP_HELD');

    const again = failed(await unary(loops, 'submitBoardReport', { name, content, requestId: requestId() }, { token: u.tokens.board }), status.ALREADY_EXISTS);
    assert.match(again.details, /already/);
  } finally {
    loops.close();
  }
});

test('minutes of a conversation that was not held are FAILED_PRECONDITION naming the conversation', async () => {
  const u = await around(gateways.sixToEighteen, 'sk-egebakken', START_6_18);
  try {
    const loopView = ok(await u.call('getLoop', { name: 'units/sk-egebakken/loop' }, u.tokens.leader));
    const second = loopView.conversations[1];
    const error = failed(await u.call('submitConversationRecord', { name: second.name, record: firstMinutes(u.unit, START_6_18), requestId: requestId() }, u.tokens.leader), status.FAILED_PRECONDITION);
    assert.match(error.details, /has not been held/);
    const [violation] = rpc.preconditionViolations(error);
    assert.equal(violation.subject, second.name);

    const holdFirst = failed(await u.call('holdConversation', { name: loopView.conversations[0].name, heldAt: ts(START_6_18), requestId: requestId() }, u.tokens.chief), status.FAILED_PRECONDITION);
    assert.match(holdFirst.details, /must be scheduled/);
  } finally {
    u.close();
  }
});

test('incomplete minutes are INVALID_ARGUMENT with one field violation per broken rule, on request paths', async () => {
  const u = await around(gateways.sixToEighteen, 'sk-mosevang', START_6_18);
  try {
    const first = `units/sk-mosevang/loop/conversations/${START_6_18.getUTCFullYear()}-Spring`;
    ok(await u.call('scheduleConversation', { name: first, scheduledFor: ts(addDays(START_6_18, 1)) }, u.tokens.chief));
    ok(await u.call('holdConversation', { name: first, heldAt: ts(START_6_18) }, u.tokens.chief));
    const record = { ...firstMinutes(u.unit, START_6_18), participants: [], dataBasis: ['DATA_BASIS_KIND_OWN_PRACTICE_DATA'], decision: '', childrenPerspective: '' };
    record.agreements = [{ action: '', owner: 'leder', due: day(addDays(START_6_18, -1)) }];

    const error = failed(await u.call('submitConversationRecord', { name: first, record, requestId: requestId() }, u.tokens.leader), status.INVALID_ARGUMENT);
    const violations = rpc.fieldViolations(error);

    for (const field of ['record.participants', 'record.data_basis', 'record.decision', 'record.agreements[0].action', 'record.agreements[0].due', 'record.children_perspective']) {
      assert.ok(violations[field], `a violation on ${field}; got ${Object.keys(violations).join(', ')}`);
    }
  } finally {
    u.close();
  }
});

test('a correction names the version it corrects; a stale expected_version is ABORTED', async () => {
  const u = await around(gateways.sixToEighteen, 'sk-skovly', START_6_18);
  try {
    const first = `units/sk-skovly/loop/conversations/${START_6_18.getUTCFullYear()}-Spring`;
    ok(await u.call('scheduleConversation', { name: first, scheduledFor: ts(addDays(START_6_18, 1)) }, u.tokens.chief));
    ok(await u.call('holdConversation', { name: first, heldAt: ts(START_6_18) }, u.tokens.chief));
    const minutes = firstMinutes(u.unit, START_6_18);
    ok(await u.call('submitConversationRecord', { name: first, record: minutes }, u.tokens.leader));

    const again = failed(await u.call('submitConversationRecord', { name: first, record: minutes }, u.tokens.leader), status.ALREADY_EXISTS);
    assert.match(again.details, /correction/);
    const corrected = ok(await u.call('correctConversationRecord', {
      name: first, record: { ...minutes, decision: 'Sprog og trivsel prioriteres.' }, reason: 'Beslutningen var ufuldstændig', expectedVersion: 1, requestId: requestId(),
    }, u.tokens.chief));
    assert.equal(corrected.version, 2);
    assert.equal(corrected.correctionReason, 'Beslutningen var ufuldstændig');

    const stale = failed(await u.call('correctConversationRecord', {
      name: first, record: minutes, reason: 'Tilbage til første udgave', expectedVersion: 1, requestId: requestId(),
    }, u.tokens.leader), status.ABORTED);
    assert.match(stale.details, /version 2/);
    const conversation = ok(await u.call('getConversation', { name: first }, u.tokens.leader));
    assert.deepEqual(conversation.records.map((r) => r.version), [1, 2]);
  } finally {
    u.close();
  }
});

test('a repeated request_id answers the first response; reusing it for another request is INVALID_ARGUMENT', async () => {
  const u = await around(gateways.sixToEighteen, 'sk-kildebakken', START_6_18);
  try {
    const first = `units/sk-kildebakken/loop/conversations/${START_6_18.getUTCFullYear()}-Spring`;
    const key = requestId();
    const request = { name: first, scheduledFor: ts(addDays(START_6_18, 3)), requestId: key };
    const one = ok(await u.call('scheduleConversation', request, u.tokens.chief));
    ok(await u.call('holdConversation', { name: first, heldAt: ts(START_6_18) }, u.tokens.chief));

    const repeat = ok(await u.call('scheduleConversation', request, u.tokens.chief));
    const reused = failed(await u.call('scheduleConversation', { ...request, scheduledFor: ts(addDays(START_6_18, 4)) }, u.tokens.chief), status.INVALID_ARGUMENT);

    assert.deepEqual(repeat, one, 'the repeat gets the first answer although the conversation was held since');
    assert.ok(rpc.fieldViolations(reused).request_id);
    const fresh = failed(await u.call('scheduleConversation', { ...request, requestId: requestId() }, u.tokens.chief), status.FAILED_PRECONDITION);
    assert.match(fresh.details, /has been held/);
  } finally {
    u.close();
  }
});

test('resources outside the loop are NOT_FOUND; malformed names are INVALID_ARGUMENT on the name field', async () => {
  const u = await around(gateways.sixToEighteen, 'langagerskolen', START_6_18);
  try {
    const missing = failed(await u.call('getConversation', { name: 'units/langagerskolen/loop/conversations/2031-Spring' }, u.tokens.chief), status.NOT_FOUND);
    assert.match(missing.details, /no conversation in 2031-Spring/);
    failed(await u.call('getOneToOne', { name: 'units/langagerskolen/loop/oneToOnes/2031-Spring.1' }, u.tokens.chief), status.NOT_FOUND);
    failed(await u.call('getBoardReport', { name: 'units/langagerskolen/loop/boardReports/2026' }, u.tokens.chief), status.NOT_FOUND);

    const malformed = failed(await u.call('getConversation', { name: 'units/langagerskolen/loop/conversations/spring' }, u.tokens.chief), status.INVALID_ARGUMENT);
    assert.deepEqual(Object.keys(rpc.fieldViolations(malformed)), ['name']);
  } finally {
    u.close();
  }
});

test('state rules are FAILED_PRECONDITION: a board report of a unit that is not self-owned, opsamling before the last conversation', async () => {
  const u = await around(gateways.sixToEighteen, 'langagerskolen', START_6_18);
  try {
    const review = failed(await u.call('reviewBoardReport', { name: 'units/langagerskolen/loop/boardReports/2026', followUpRequired: false }, u.tokens.chief), status.FAILED_PRECONDITION);
    assert.match(review.details, /not self-owned/);
    const opsamling = failed(await u.call('submitOpsamling', { parent: 'units/langagerskolen/loop', summary: 'For tidligt' }, u.tokens.leader), status.FAILED_PRECONDITION);
    assert.match(opsamling.details, /after its last samtale/);
  } finally {
    u.close();
  }
});

test('the conversation agenda follows the learning circle and carries open agreements and statements', async () => {
  const u = await around(gateways.zeroToSix, 'dt-egebakken', START_0_6);
  try {
    const first = `units/dt-egebakken/loop/conversations/${START_0_6.getUTCFullYear()}-Spring`;
    ok(await u.call('addBoardStatement', { parent: first, text: 'Bestyrelsens udtalelse.' }, u.tokens.board));
    const agenda = ok(await u.call('getConversationAgenda', { name: first }, u.tokens.chief));
    assert.equal(agenda.totalMinutes, 120);
    assert.ok(agenda.items.some((i) => i.recordedAs === 'decision'), 'the decision point is recorded as the decision field');
    assert.equal(agenda.boardStatements.length, 1);
    assert.ok(agenda.requiredParticipants.some((p) => p.role === 'PARTICIPANT_ROLE_BOARD_REPRESENTATIVE' && p.attendance === 'ATTENDANCE_FIRST_CONVERSATION'));
    assert.ok(agenda.themes.length > 0);
  } finally {
    u.close();
  }
});
