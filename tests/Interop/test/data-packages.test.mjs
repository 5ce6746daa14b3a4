// tilsyn.v1.DataPackages through the real grpc-js client: a unit's package with small groups suppressed,
// the list of a unit's packages, and importing a release (validate only, row errors, corrections).
// The demo seeds the latest package of each sector; the domain clock starts on 20 April 2026.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import gatewayLib from '../lib/gateway.js';
import protos from '../lib/protos.js';
import calls from '../lib/calls.js';
import loop from '../lib/loop.js';
import rpc from '../lib/rpcstatus.js';

const { tilsyn } = protos;
const { unary, status } = calls;
const { ok, failed, requestId } = loop;

let gateway;
let packages;

before(async () => {
  gateway = await gatewayLib.startGateway({ 'Clock:Start': '2026-04-20T08:00:00Z' });
  await gateway.settled();
  packages = gateway.client(tilsyn.DataPackages);
});

after(async () => {
  packages?.close();
  await gateway?.stop();
});

test('a unit package has the unit and sub-unit values, values of small groups suppressed and marked', async () => {
  const pkg = ok(await unary(packages, 'getUnitDataPackage', { name: 'units/strandens-dagtilbud/dataPackages/2026-Spring' }, { token: gateway.token('leader:strandens-dagtilbud') }));

  assert.equal(pkg.sector, 'SECTOR_DAGTILBUD');
  assert.equal(pkg.version, 1);
  assert.equal(pkg.minimumGroupSize, 5);
  const targets = new Set(pkg.indicators.map((i) => i.targetId));
  assert.ok(targets.has('strandens-dagtilbud') && targets.has('strandens-dagtilbud.1'), [...targets].join(', '));
  const suppressed = pkg.indicators.filter((i) => i.suppressed);
  const shown = pkg.indicators.filter((i) => !i.suppressed);
  assert.ok(suppressed.length > 0, 'some sub-unit groups are small');
  assert.ok(suppressed.every((i) => i.value === '' && i.groupSize == null));
  assert.ok(shown.every((i) => /^\d+(\.\d+)?$/.test(i.value) && i.groupSize >= 5));
  assert.ok(pkg.indicators.every((i) => i.qualityKind !== 'QUALITY_KIND_UNSPECIFIED'));
});

test('the board reads its unit package; other units and operations are PERMISSION_DENIED; a period without a release is NOT_FOUND', async () => {
  const board = gateway.token('board:fu-egebakken');
  const own = ok(await unary(packages, 'getUnitDataPackage', { name: 'units/fu-egebakken/dataPackages/2026-Spring' }, { token: board }));

  failed(await unary(packages, 'getUnitDataPackage', { name: 'units/strandens-dagtilbud/dataPackages/2026-Spring' }, { token: board }), status.PERMISSION_DENIED);
  failed(await unary(packages, 'getUnitDataPackage', { name: 'units/fu-egebakken/dataPackages/2026-Spring' }, { token: gateway.tokenOfRole('operations') }), status.PERMISSION_DENIED);
  failed(await unary(packages, 'getUnitDataPackage', { name: 'units/fu-egebakken/dataPackages/2024-Spring' }, { token: board }), status.NOT_FOUND);
  const bad = failed(await unary(packages, 'getUnitDataPackage', { name: 'units/fu-egebakken/dataPackages/2026-Summer' }, { token: board }), status.INVALID_ARGUMENT);

  assert.equal(own.sector, 'SECTOR_FU');
  assert.ok(rpc.fieldViolations(bad).name);
});

test('a unit list of packages names each released half-year, newest first, without values', async () => {
  const list = ok(await unary(packages, 'listUnitDataPackages', { parent: 'units/langagerskolen' }, { token: gateway.token('chief:bu-chef-3') }));

  assert.deepEqual(list.dataPackages.map((p) => p.name), ['units/langagerskolen/dataPackages/2026-Spring']);
  assert.equal(list.totalSize, 1);
  assert.equal(list.dataPackages[0].indicators.length, 0);
});

const header = 'unit,indicator,quality,value,groupSize\n';

test('ImportDataPackageRelease validate_only reports every row error; an import with errors is INVALID_ARGUMENT and releases nothing', async () => {
  const admin = gateway.tokenOfRole('administration');
  const csv = `${header}sk-egebakken,Trivsel,process,71.5,40\nno-such-unit,Trivsel,process,70,40\nstrandens-dagtilbud,Trivsel,process,70,40\nsk-skovly,Trivsel,feeling,x,-3\n`;
  const checked = ok(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/skole', period: '2026-Autumn', csvContent: csv, validateOnly: true }, { token: admin }));
  const error = failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/skole', period: '2026-Autumn', csvContent: csv, requestId: requestId() }, { token: admin }), status.INVALID_ARGUMENT);
  const none = failed(await unary(packages, 'getUnitDataPackage', { name: 'units/sk-egebakken/dataPackages/2026-Autumn' }, { token: admin }), status.NOT_FOUND);

  const rows = checked.rowErrors.map((e) => `${e.line}:${e.column}`);
  for (const expected of ['3:unit', '4:unit', '5:quality', '5:value', '5:groupSize']) assert.ok(rows.includes(expected), `${expected} in ${rows.join(' ')}`);
  assert.equal(checked.release, null);
  assert.match(rpc.fieldViolations(error)['line 4: unit'][0], /strandens-dagtilbud/);
  assert.match(none.details, /not released/);
});

test('a release is version 1; a second one needs a correction reason and becomes version 2', async () => {
  const admin = gateway.tokenOfRole('administration');
  const csv = `${header}sk-egebakken,Trivsel,process,71.5,40\nsk-egebakken,Fravær,outcome,4.1,40\n`;
  const released = ok(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/skole', period: '2026-Autumn', csvContent: csv, requestId: requestId() }, { token: admin }));
  const again = failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/skole', period: '2026-Autumn', csvContent: csv, requestId: requestId() }, { token: admin }), status.ALREADY_EXISTS);
  const corrected = ok(await unary(packages, 'importDataPackageRelease', {
    parent: 'sectors/skole', period: '2026-Autumn', csvContent: csv.replace('71.5', '72.5'), correctionReason: 'Fejl i trivselstallet', requestId: requestId(),
  }, { token: admin }));
  const read = ok(await unary(packages, 'getUnitDataPackage', { name: 'units/sk-egebakken/dataPackages/2026-Autumn' }, { token: admin }));

  assert.equal(released.release.name, 'sectors/skole/dataPackages/2026-Autumn');
  assert.equal(released.release.version, 1);
  assert.equal(released.release.valueCount, 2);
  assert.equal(released.release.unitCount, 1);
  assert.equal(released.release.released.actor, 'administration:forvaltningen-1');
  assert.match(again.details, /correction reason/);
  assert.equal(corrected.release.version, 2);
  assert.equal(corrected.release.correctionReason, 'Fejl i trivselstallet');
  assert.equal(read.version, 2);
  assert.equal(read.indicators.find((i) => i.indicator === 'Trivsel').value, '72.5');
});

test('import requests are checked: unknown sectors and periods are INVALID_ARGUMENT; only the administration imports', async () => {
  const admin = gateway.tokenOfRole('administration');
  const sector = failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/vuggestue', period: '2026-Autumn', csvContent: header }, { token: admin }), status.INVALID_ARGUMENT);
  const period = failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/fu', period: 'efterår 2026', csvContent: header }, { token: admin }), status.INVALID_ARGUMENT);
  failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/fu', period: '2026-Autumn', csvContent: header }, { token: gateway.token('chief:bu-chef-1') }), status.PERMISSION_DENIED);

  assert.ok(rpc.fieldViolations(sector).parent);
  assert.ok(rpc.fieldViolations(period).period);
});

test('a value is released exactly as written: decimal comma in a ;-file, decimal point in a ,-file; the other separator is a row error', async () => {
  const admin = gateway.tokenOfRole('administration');
  const semicolon = 'unit;indicator;quality;value;groupSize\nfu-egebakken;Fremmøde;outcome;12,5;40\nfu-egebakken;Ændring;outcome;-0,75;40\n';
  const comma = 'unit,indicator,quality,value,groupSize\nfu-egebakken,Fremmøde,outcome,"12,5",40\n';
  const pointInSemicolon = 'unit;indicator;quality;value;groupSize\nfu-egebakken;Fremmøde;outcome;12.5;40\n';

  const commaRejected = failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/fu', period: '2024-Autumn', csvContent: comma }, { token: admin }), status.INVALID_ARGUMENT);
  const pointRejected = failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/fu', period: '2024-Autumn', csvContent: pointInSemicolon }, { token: admin }), status.INVALID_ARGUMENT);
  ok(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/fu', period: '2024-Autumn', csvContent: semicolon, requestId: requestId() }, { token: admin }));
  const read = ok(await unary(packages, 'getUnitDataPackage', { name: 'units/fu-egebakken/dataPackages/2024-Autumn' }, { token: admin }));

  assert.deepEqual(Object.keys(rpc.fieldViolations(commaRejected)), ['line 2: value']);
  assert.deepEqual(Object.keys(rpc.fieldViolations(pointRejected)), ['line 2: value']);
  assert.deepEqual(read.indicators.map((i) => i.value), ['12.5', '-0.75']);
});

test('a release over 50,000 rows is INVALID_ARGUMENT on csv_content and nothing is released', async () => {
  const admin = gateway.tokenOfRole('administration');
  const rows = Array.from({ length: 50_001 }, (_, i) => `fu-egebakken;Indikator ${i};outcome;1,5;40`).join('\n');

  const error = failed(await unary(packages, 'importDataPackageRelease', { parent: 'sectors/fu', period: '2024-Spring', csvContent: `unit;indicator;quality;value;groupSize\n${rows}\n` }, { token: admin }), status.INVALID_ARGUMENT);
  failed(await unary(packages, 'getUnitDataPackage', { name: 'units/fu-egebakken/dataPackages/2024-Spring' }, { token: admin }), status.NOT_FOUND);

  assert.deepEqual(rpc.fieldViolations(error), { csv_content: ['has more than 50,000 data rows; a data-package release takes at most 50,000'] });
});
