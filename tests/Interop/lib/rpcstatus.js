'use strict';
// Decodes the rich error model: `grpc-status-details-bin` carries a google.rpc.Status whose details are
// google.rpc.BadRequest (field violations), PreconditionFailure, ErrorInfo. Uses protobufjs (a dependency
// of @grpc/proto-loader) with the standard .proto files of google-proto-files.
const path = require('node:path');
const protobuf = require('protobufjs');
const { standardProtos } = require('./paths');

const root = new protobuf.Root();
const googleProtos = standardProtos().google;
root.resolvePath = (origin, target) => (target.startsWith('google/protobuf/') ? target : path.join(googleProtos, target));
root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: false });
const Status = root.lookupType('google.rpc.Status');

/** The google.rpc.Status of a grpc-js error, with each detail decoded: `{ code, message, details: [{ type, ...fields }] }`; null without details. */
function statusDetails(error) {
  const values = error?.metadata?.get('grpc-status-details-bin') ?? [];
  if (values.length === 0) return null;
  const status = Status.decode(values[0]);
  const details = status.details.map((any) => {
    const url = any.type_url ?? any.typeUrl; // the bundled google/protobuf/any keeps snake case
    const typeName = url.slice(url.lastIndexOf("/") + 1);
    const type = root.lookupType(typeName);
    return { type: typeName, ...type.toObject(type.decode(any.value), { defaults: true }) };
  });
  return { code: status.code, message: status.message, details };
}

/** The field violations of an INVALID_ARGUMENT error as `{ field: [description, ...] }`. */
function fieldViolations(error) {
  const status = statusDetails(error);
  const violations = {};
  for (const detail of status?.details ?? []) {
    if (detail.type !== 'google.rpc.BadRequest') continue;
    for (const v of detail.fieldViolations) (violations[v.field] ||= []).push(v.description);
  }
  return violations;
}

/** The violations of a FAILED_PRECONDITION error's PreconditionFailure. */
function preconditionViolations(error) {
  const status = statusDetails(error);
  return (status?.details ?? []).filter((d) => d.type === 'google.rpc.PreconditionFailure').flatMap((d) => d.violations);
}

module.exports = { statusDetails, fieldViolations, preconditionViolations };
