// The tilsyn.v1 clients over gRPC-Web (the gateway's own origin), with the signed-in person's token.
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { BadRequestSchema, PreconditionFailureSchema } from "./gen/google/rpc/error_details_pb";
import { Administration } from "./gen/tilsyn/v1/administration_pb";
import { Areas } from "./gen/tilsyn/v1/areas_pb";
import { DataPackages } from "./gen/tilsyn/v1/data_packages_pb";
import { Inbox } from "./gen/tilsyn/v1/inbox_pb";
import { Loops } from "./gen/tilsyn/v1/loops_pb";
import { Operations } from "./gen/tilsyn/v1/operations_pb";
import { Reports } from "./gen/tilsyn/v1/reports_pb";
import { Units } from "./gen/tilsyn/v1/units_pb";
import { currentSession, signOut } from "./session";
import { problemText } from "./text";

/** Sends the token; a token the gateway no longer accepts ends the session and leads to the sign-in page. */
const bearer: Interceptor = (next) => async (request) => {
  const session = currentSession();
  if (session) request.header.set("authorization", `Bearer ${session.token}`);
  try {
    return await next(request);
  } catch (error) {
    if (session && error instanceof ConnectError && error.code === Code.Unauthenticated) {
      signOut();
      location.hash = "#/log-ind";
    }
    throw error;
  }
};

const transport = createGrpcWebTransport({ baseUrl: location.origin, interceptors: [bearer], useBinaryFormat: true });

export const api = {
  units: createClient(Units, transport),
  loops: createClient(Loops, transport),
  dataPackages: createClient(DataPackages, transport),
  inbox: createClient(Inbox, transport),
  areas: createClient(Areas, transport),
  administration: createClient(Administration, transport),
  operations: createClient(Operations, transport),
  reports: createClient(Reports, transport),
};

export interface Violation {
  field: string;
  description: string;
}

/** Every field violation of an INVALID_ARGUMENT (google.rpc.BadRequest), in Danish where known. */
export function violationsOf(error: unknown): Violation[] {
  if (!(error instanceof ConnectError)) return [];
  return error.findDetails(BadRequestSchema).flatMap((bad) =>
    bad.fieldViolations.map((v) => ({ field: v.field, description: problemText(v.description) })));
}

const codeText: Partial<Record<Code, string>> = {
  [Code.PermissionDenied]: "Du har ikke adgang til dette.",
  [Code.NotFound]: "Det findes ikke.",
  [Code.Unauthenticated]: "Du er ikke logget ind, eller dit login er udløbet.",
  [Code.Unavailable]: "Tjenesten svarer ikke lige nu. Prøv igen om lidt.",
  [Code.DeadlineExceeded]: "Tjenesten svarede ikke i tide. Prøv igen.",
  [Code.Aborted]: "En anden har ændret det samme imens. Hent siden igen og prøv igen.",
  [Code.AlreadyExists]: "Det findes allerede.",
  [Code.FailedPrecondition]: "Det kan ikke lade sig gøre i den nuværende tilstand.",
  [Code.InvalidArgument]: "Oplysningerne er ikke gyldige.",
};

/** A sentence for the person: the kind of failure in Danish and the service's own explanation. */
export function errorText(error: unknown): string {
  if (!(error instanceof ConnectError)) return `Der skete en fejl: ${String(error)}`;
  const preconditions = error.findDetails(PreconditionFailureSchema).flatMap((p) => p.violations.map((v) => v.description));
  const detail = [error.rawMessage, ...preconditions].filter((x) => x).join(" ");
  return `${codeText[error.code] ?? "Der skete en fejl."}${detail ? ` (${detail})` : ""}`;
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ConnectError && error.code === Code.Unauthenticated;
}

export function requestId(): string {
  return crypto.randomUUID();
}
