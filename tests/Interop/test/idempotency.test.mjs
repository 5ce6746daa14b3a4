// request_id survives restarts and crashes. Every change that takes a request_id is sent once through the
// real grpc-js client; then the gateway (embedded SQLite store) is restarted — once gracefully, once by
// SIGKILL — and every request is repeated with its key. Each repeat gets the first answer (the same created
// statement, minutes version, receipt, theme set or wheel version; the same resource for the others) and
// changes nothing: a snapshot of everything the changes made is the same before and after the repeats.
// A request whose gateway is killed while it runs is retried after the restart and takes effect once.
// Not here: SubmitOpsamling, which a loop allows only after its last conversation; it runs through the same
// unit-grain command path (UnitGrain.RunAsync) as every Loops change above.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';

const { startGateway, newDataDir } = gatewayLib;
const { tilsyn } = protos;
const { unary, status } = calls;
const { ts, day, addDays, requestId, ok, failed, firstMinutes } = loop;

const LOOP_START = new Date('2026-04-20T08:00:00Z'); // 6-18 loop 2026: the first conversation's window is open
const REPORT_START = new Date('2026-10-05T08:00:00Z'); // the self-owned daycare's supervision report of 2026
const SCHOOL = 'langagerskolen';
const DAYCARE = 'dt-havbrisen';
const REPORT = `${DAYCARE}/tilsyn/2026`;
const SUPERVISION_ANSWERS = [
  { question: 'b1', yes: true }, { question: 'b2', yes: true }, { question: 'b3', yes: true }, { question: 'b4', yes: true },
  { question: 'b5', attachment: 'dok:legeplads-2026-09' }, { question: 'k1', yes: true }, { question: 'k2', yes: true },
  { question: 'k3', yes: true }, { question: 'k4', choice: 'fuldt' }, { question: 'p1', yes: true },
  { question: 'p2', text: 'Børnene inddrages gennem børneinterviews.' }, { question: 'p3', text: 'Datapakken er drøftet i bestyrelsen.' },
  { question: 'p4', choice: 'opmaerksomhed' },
];

const PACKAGE_HEADER = 'unit,indicator,quality,value,groupSize\n';
const NEW_UNITS_CSV = 'id,name,sector,chief,leader,board,selfOwned,special,parent\nny-skole,Ny Skole,skole,bu-chef-2,leder-ny-skole,bestyrelse-ny-skole,false,false,\n';

const dataDirs = [];
const running = [];

after(async () => {
  await Promise.all(running.map((g) => g.stop()));
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A gateway on the embedded SQLite store in a data folder that outlives it, and how to start it again there. */
async function durableGateway(start) {
  const dataDir = newDataDir();
  dataDirs.push(dataDir);
  const settings = { 'Storage:Engine': 'sqlite', 'Clock:Start': start.toISOString() };
  const launch = async () => {
    const gateway = await startGateway(settings, { dataDir });
    running.push(gateway);
    await gateway.settled();
    return gateway;
  };
  return { launch, first: await launch() };
}

/** The clients of a gateway, each call by token. */
function clientsOf(gateway) {
  const made = {};
  const client = (service) => (made[service] ??= gateway.client(tilsyn[service]));
  return {
    call: (service, method, request, token) => unary(client(service), method, request, { token }),
    close: () => Object.values(made).forEach((c) => c.close()),
  };
}

/**
 * The changes of a 6-18 loop and of the administration: each step is [service, method, request, token label],
 * built from the answers before it. Returns the steps with their first answers.
 */
async function loopChanges(gateway) {
  const c = clientsOf(gateway);
  const admin = gateway.tokenOfRole('administration');
  const unit = ok(await c.call('Units', 'getUnit', { name: `units/${SCHOOL}` }, admin), 'GetUnit');
  const tokens = { chief: gateway.token(`chief:${unit.chief.replace('chiefs/', '')}`), leader: gateway.mint('leader', unit.leaderId, [SCHOOL]), admin };
  const view = ok(await c.call('Loops', 'getLoop', { name: `units/${SCHOOL}/loop` }, tokens.leader), 'GetLoop');
  const first = view.conversations[0].name;
  const oneToOne = view.oneToOnes.find((o) => o.status === 'ONE_TO_ONE_STATUS_PLANNED').name;
  const wheel = ok(await c.call('Administration', 'getWheelConfig', { name: 'wheelConfigs/skole' }, admin), 'GetWheelConfig');
  const template = ok(await c.call('Reports', 'getTemplate', { templateId: 'tilsyn-selvejende-dagtilbud' }, admin), 'GetTemplate');
  const steps = [
    ['Loops', 'scheduleConversation', { name: first, scheduledFor: ts(addDays(LOOP_START, 7)) }, 'chief'],
    ['Loops', 'holdConversation', { name: first, heldAt: ts(LOOP_START) }, 'chief'],
    ['Loops', 'addBoardStatement', { parent: first, text: 'Skolebestyrelsen ønsker fokus på trivsel i udskolingen.' }, 'leader'],
    ['Loops', 'submitConversationRecord', { name: first, record: firstMinutes(unit, LOOP_START) }, 'leader'],
    ['Loops', 'correctConversationRecord', { name: first, record: { ...firstMinutes(unit, LOOP_START), decision: 'Trivsel prioriteres.' }, reason: 'Beslutningen var formuleret forkert.', expectedVersion: 1 }, 'leader'],
    ['Loops', 'chooseFocusAreas', { name: `units/${SCHOOL}/loop`, focusAreas: [{ themeCode: view.themes[0].code, title: 'Trivsel i udskolingen', description: '' }] }, 'leader'],
    ['Loops', 'scheduleOneToOne', { name: oneToOne, scheduledFor: ts(addDays(LOOP_START, 30)) }, 'chief'],
    ['Loops', 'holdOneToOne', { name: oneToOne, heldAt: ts(LOOP_START) }, 'leader'],
    ['Loops', 'recordOneToOne', { name: oneToOne, record: { summary: 'Opfølgning på trivselsindsatsen.', decisions: ['Lederen samler erfaringer'], agreements: [] } }, 'chief'],
    ['Areas', 'setThemes', { name: 'areas/6-18/loops/2028/themes', themes: [{ code: 'TRIVSEL', title: 'Trivsel og fællesskaber' }] }, 'admin'],
    ['Administration', 'addWheelVersion', { parent: 'wheelConfigs/skole', effectiveFrom: { year: 2030, month: 1, day: 1 }, settings: wheel.inForce.settings, reason: 'Uændret hjul fra 2030' }, 'admin'],
    ['Reports', 'publishTemplate', { templateId: template.id, title: `${template.title} (revideret)`, kind: template.kind, sections: template.sections }, 'admin'],
    ['DataPackages', 'importDataPackageRelease', { parent: 'sectors/skole', period: '2026-Autumn', csvContent: `${PACKAGE_HEADER}${SCHOOL},Trivsel,process,71.5,40\n` }, 'admin'],
    ['DataPackages', 'importDataPackageRelease', { parent: 'sectors/skole', period: '2026-Autumn', csvContent: `${PACKAGE_HEADER}${SCHOOL},Trivsel,process,72.5,40\n`, correctionReason: 'Fejl i trivselstallet' }, 'admin'],
    ['Units', 'importUnits', { csvContent: NEW_UNITS_CSV }, 'admin'],
  ];
  const answered = [];
  for (const [service, method, request, who] of steps) {
    const keyed = { ...request, requestId: requestId() };
    answered.push({ service, method, request: keyed, token: tokens[who], first: ok(await c.call(service, method, keyed, tokens[who]), method) });
  }

  const agreements = ok(await c.call('Loops', 'listAgreements', { parent: `units/${SCHOOL}` }, tokens.leader), 'ListAgreements');
  const close = { name: agreements.agreements[0].name, closingNote: 'Gennemført', requestId: requestId() };
  answered.push({ service: 'Loops', method: 'closeAgreement', request: close, token: tokens.leader, first: ok(await c.call('Loops', 'closeAgreement', close, tokens.leader), 'CloseAgreement') });
  const overviewTask = ok(await c.call('Inbox', 'listTasks', { parent: `units/${SCHOOL}`, filter: { kinds: ['TASK_KIND_COMPILE_FOCUS_AREA_OVERVIEW'] } }, admin), 'ListTasks').tasks[0];
  const complete = { name: overviewTask.name, note: 'Med i oversigten', requestId: requestId() };
  answered.push({ service: 'Inbox', method: 'completeTask', request: complete, token: admin, first: ok(await c.call('Inbox', 'completeTask', complete, admin), 'CompleteTask') });
  c.close();
  const snapshot = async (g) => {
    const s = clientsOf(g);
    try {
      const read = async (service, method, request, token) => ok(await s.call(service, method, request, token), method);
      const loopNow = await read('Loops', 'getLoop', { name: `units/${SCHOOL}/loop` }, tokens.leader);
      return {
        statements: (await read('Loops', 'listBoardStatements', { parent: first }, tokens.leader)).statements.length,
        records: (await read('Loops', 'getConversation', { name: first }, tokens.leader)).records.map((r) => r.version),
        health: loopNow.health,
        focusAreasVersion: loopNow.focusAreasVersion,
        agreements: (await read('Loops', 'listAgreements', { parent: `units/${SCHOOL}` }, tokens.leader)).agreements.map((a) => [a.name, a.status]),
        oneToOne: (await read('Loops', 'getOneToOne', { name: oneToOne }, tokens.leader)).status,
        themes: (await read('Areas', 'getThemes', { name: 'areas/6-18/loops/2028/themes' }, admin)).version,
        wheelVersions: (await read('Administration', 'getWheelConfig', { name: 'wheelConfigs/skole' }, admin)).versions.length,
        templates: (await read('Reports', 'listTemplates', { allVersions: true }, admin)).templates.map((t) => `${t.id} v${t.version}`),
        dataPackage: await read('DataPackages', 'getUnitDataPackage', { name: `units/${SCHOOL}/dataPackages/2026-Autumn` }, admin),
        units: (await read('Units', 'listUnits', { pageSize: 500 }, admin)).units.length,
        overviewTask: (await read('Inbox', 'listTasks', { parent: `units/${SCHOOL}`, filter: { kinds: ['TASK_KIND_COMPILE_FOCUS_AREA_OVERVIEW'], states: ['TASK_STATE_OPEN', 'TASK_STATE_OVERDUE', 'TASK_STATE_DONE'] } }, admin)).tasks.map((t) => t.state),
      };
    } finally {
      s.close();
    }
  };
  return { answered, snapshot };
}

/** The changes of a self-owned daycare's written supervision report and the chief's case. */
async function reportChanges(gateway) {
  const c = clientsOf(gateway);
  const admin = gateway.tokenOfRole('administration');
  const unit = ok(await c.call('Units', 'getUnit', { name: `units/${DAYCARE}` }, admin), 'GetUnit');
  const tokens = { board: gateway.token(`board:${DAYCARE}`), chief: gateway.token(`chief:${unit.chief.replace('chiefs/', '')}`) };
  const steps = [
    ['startReport', { reportId: REPORT }, 'board'],
    ['saveDraft', { reportId: REPORT, answers: SUPERVISION_ANSWERS.slice(0, 4) }, 'board'],
    ['saveDraft', { reportId: REPORT, answers: SUPERVISION_ANSWERS, basedOnVersion: 1 }, 'board'],
    ['submitReport', { reportId: REPORT }, 'board'],
    ['correctReport', { reportId: REPORT, answers: SUPERVISION_ANSWERS.map((a) => (a.question === 'p2' ? { ...a, text: 'Børnene inddrages gennem interviews og morgensamlinger.' } : a)), reason: 'Uddybet svar' }, 'board'],
    ['reviewReport', { unitId: DAYCARE, year: 2026, decision: 'FollowUpMeeting', reason: 'Data om normering kalder på et møde.' }, 'chief'],
    ['scheduleFollowUpMeeting', { unitId: DAYCARE, year: 2026, at: ts(addDays(REPORT_START, 10)) }, 'chief'],
    ['recordFollowUpMeeting', { unitId: DAYCARE, year: 2026, heldAt: ts(REPORT_START), notes: 'Normeringen blev gennemgået.', attendees: ['Bestyrelsesformand', 'Leder'] }, 'chief'],
    ['closeCase', { unitId: DAYCARE, year: 2026, conclusion: 'Opfølgningen er afsluttet.' }, 'chief'],
  ];
  const answered = [];
  for (const [method, request, who] of steps) {
    const keyed = { ...request, requestId: requestId() };
    answered.push({ service: 'Reports', method, request: keyed, token: tokens[who], first: ok(await c.call('Reports', method, keyed, tokens[who]), method) });
  }

  // The Loops track of a board's written report, on another self-owned daycare.
  const others = ok(await c.call('Units', 'listUnits', { pageSize: 500 }, admin), 'ListUnits').units;
  const other = others.find((u) => u.selfOwned && u.name !== `units/${DAYCARE}`);
  const otherId = other.name.replace('units/', '');
  const otherTokens = { board: gateway.mint('board', other.boardId, [otherId]), chief: gateway.token(`chief:${other.chief.replace('chiefs/', '')}`) };
  const boardReport = `units/${otherId}/loop/boardReports/2026`;
  const content = { basicSupervision: 'Basistilsyn uden bemærkninger.', municipalGuidelines: 'Retningslinjerne følges.', pedagogicalSupervision: 'Læreplanen er evalueret.' };
  for (const [method, request, who] of [
    ['submitBoardReport', { name: boardReport, content }, 'board'],
    ['reviewBoardReport', { name: boardReport, followUpRequired: true, note: 'Normeringen drøftes på et møde.' }, 'chief'],
    ['recordBoardFollowUpMeeting', { name: boardReport, heldAt: ts(REPORT_START) }, 'chief'],
  ]) {
    const keyed = { ...request, requestId: requestId() };
    answered.push({ service: 'Loops', method, request: keyed, token: otherTokens[who], first: ok(await c.call('Loops', method, keyed, otherTokens[who]), method) });
  }

  c.close();
  const snapshot = async (g) => {
    const s = clientsOf(g);
    try {
      const report = ok(await s.call('Reports', 'getReport', { reportId: REPORT }, tokens.board), 'GetReport');
      const supervision = ok(await s.call('Reports', 'getCase', { unitId: DAYCARE, year: 2026 }, tokens.chief), 'GetCase');
      const boardReportNow = ok(await s.call('Loops', 'getBoardReport', { name: boardReport }, otherTokens.chief), 'GetBoardReport');
      return { report, supervision, boardReportNow };
    } finally {
      s.close();
    }
  };
  return { answered, snapshot };
}

/** A held first conversation of another school, open for the board's statements: its name and a leader's token. */
async function heldConversation(gateway, unitId) {
  const c = clientsOf(gateway);
  try {
    const admin = gateway.tokenOfRole('administration');
    const unit = ok(await c.call('Units', 'getUnit', { name: `units/${unitId}` }, admin), 'GetUnit');
    const chief = gateway.token(`chief:${unit.chief.replace('chiefs/', '')}`);
    const token = gateway.mint('leader', unit.leaderId, [unitId]);
    const parent = ok(await c.call('Loops', 'getLoop', { name: `units/${unitId}/loop` }, token), 'GetLoop').conversations[0].name;
    ok(await c.call('Loops', 'scheduleConversation', { name: parent, scheduledFor: ts(addDays(LOOP_START, 7)) }, chief), 'Schedule');
    ok(await c.call('Loops', 'holdConversation', { name: parent, heldAt: ts(LOOP_START) }, chief), 'Hold');
    return { parent, token };
  } finally {
    c.close();
  }
}

/** What a repeat must equal: the whole first answer where it names what the change created, else the resource. */
function sameAnswer(step, again) {
  const created = [
    'addBoardStatement', 'submitConversationRecord', 'correctConversationRecord', 'closeAgreement', 'setThemes', 'addWheelVersion',
    'publishTemplate', 'importDataPackageRelease', 'importUnits',
  ];
  if (step.method === 'submitReport' || step.method === 'correctReport') {
    // The report grain's receipts say that a repeat was replayed; the receipt is the first one.
    assert.deepEqual(again.receipt, step.first.receipt, `${step.method}: the repeat gets the first receipt`);
    assert.equal(again.replayed, true);
  } else if (created.includes(step.method)) {
    assert.deepEqual(again, step.first, `${step.method}: the repeat gets the first answer`);
  } else {
    const id = (answer) => answer.name || answer.reportId || answer.unitId || answer.version;
    assert.equal(id(again), id(step.first), `${step.method}: the repeat answers with the same resource`);
  }
}

async function repeatAll(gateway, answered) {
  const c = clientsOf(gateway);
  try {
    for (const step of answered) {
      sameAnswer(step, ok(await c.call(step.service, step.method, step.request, step.token), `${step.method} repeated`));
    }
  } finally {
    c.close();
  }
}

test('every change repeated with its request_id after a restart and after a SIGKILL gets the first answer and changes nothing', async () => {
  const [loops, reports] = await Promise.all([durableGateway(LOOP_START), durableGateway(REPORT_START)]);
  const loopRun = await loopChanges(loops.first);
  const reportRun = await reportChanges(reports.first);
  const loopBefore = await loopRun.snapshot(loops.first);
  const reportBefore = await reportRun.snapshot(reports.first);

  // Graceful restart, then a crash.
  await Promise.all([loops.first.stop(), reports.first.stop()]);
  let [loopGateway, reportGateway] = await Promise.all([loops.launch(), reports.launch()]);
  await repeatAll(loopGateway, loopRun.answered);
  await repeatAll(reportGateway, reportRun.answered);
  assert.deepEqual(await loopRun.snapshot(loopGateway), loopBefore, 'nothing changed again after the restart');
  assert.deepEqual(await reportRun.snapshot(reportGateway), reportBefore, 'no report or case change again after the restart');

  await Promise.all([loopGateway.kill(), reportGateway.kill()]);
  [loopGateway, reportGateway] = await Promise.all([loops.launch(), reports.launch()]);
  await repeatAll(loopGateway, loopRun.answered);
  await repeatAll(reportGateway, reportRun.answered);
  assert.deepEqual(await loopRun.snapshot(loopGateway), loopBefore, 'nothing changed again after the SIGKILL');
  assert.deepEqual(await reportRun.snapshot(reportGateway), reportBefore, 'no report or case change again after the SIGKILL');

  // The same key with another request is refused, naming request_id.
  const c = clientsOf(loopGateway);
  const statement = loopRun.answered.find((s) => s.method === 'addBoardStatement');
  const other = failed(await c.call('Loops', 'addBoardStatement', { ...statement.request, text: 'En anden tekst' }, statement.token), status.INVALID_ARGUMENT, 'same key, other text');
  assert.match(other.details, /request_id/);
  c.close();
  await Promise.all([loopGateway.stop(), reportGateway.stop()]);
});

test('a statement whose gateway is killed while it is being added is applied once by the retry after the restart', async () => {
  const loops = await durableGateway(LOOP_START);
  const { parent, token } = await heldConversation(loops.first, 'sk-egebakken');
  const count = async (g) => {
    const c = clientsOf(g);
    try {
      return ok(await c.call('Loops', 'listBoardStatements', { parent }, token), 'ListBoardStatements').statements.length;
    } finally {
      c.close();
    }
  };
  const before = await count(loops.first);
  const request = { parent, text: 'Tilføjet lige før et nedbrud.', requestId: requestId() };
  const c = clientsOf(loops.first);
  const pending = c.call('Loops', 'addBoardStatement', request, token);
  await loops.first.kill();
  await pending;
  c.close();

  const gateway = await loops.launch();
  const retry = clientsOf(gateway);
  const answer = ok(await retry.call('Loops', 'addBoardStatement', request, token), 'retry after the crash');
  const again = ok(await retry.call('Loops', 'addBoardStatement', request, token), 'second retry');
  retry.close();
  assert.equal(answer.text, request.text);
  assert.deepEqual(again, answer);
  assert.equal(await count(gateway), before + 1, 'the statement exists exactly once');
  await gateway.stop();
});

test('concurrent statements each answer with the statement they added, not the newest', async () => {
  const loops = await durableGateway(LOOP_START);
  const { parent, token } = await heldConversation(loops.first, 'sk-egebakken');
  const c = clientsOf(loops.first);
  const texts = Array.from({ length: 15 }, (_, i) => `Udtalelse nummer ${i + 1} fra bestyrelsen.`);
  const answers = await Promise.all(texts.map((text) => c.call('Loops', 'addBoardStatement', { parent, text, requestId: requestId() }, token)));
  c.close();
  answers.forEach((result, i) => assert.equal(ok(result, `statement ${i + 1}`).text, texts[i], `call ${i + 1} got its own statement`));
  await loops.first.stop();
});
