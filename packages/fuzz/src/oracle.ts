import { isOversized, type FuzzRequest } from "./request";
import type { Answer } from "./send";

/** What counts as a bug. Each failing response is counted once per kind it shows. */
export const FAILURE_KINDS = [
  "http-5xx",
  "internal-server-error",
  "hang",
  "connection-error",
  "leak",
  "missing-request-id",
  "not-json",
  "error-body-not-json",
  "error-code-invalid",
  "errors-without-data",
  "unexpected-status",
  "token-not-refused",
  "private-data-exposed",
  "limits-not-enforced",
  "stack-unhealthy",
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface Finding {
  kind: FailureKind;
  /** What exactly: the status, the message, the pattern that matched. */
  detail: string;
  /** What failures of one cause share (e.g. the root field an error is at): groups them in the summary. */
  group?: string;
}

export interface Verdict {
  findings: Finding[];
  /** `extensions.code` of the answer's errors, each once. */
  codes: string[];
  /** `200`, `413`, `timeout`, `connection-error`. */
  status: string;
  /** Worth recording, not failures (e.g. an empty 413). */
  notes: string[];
}

/**
 * Internals a client must never see. Matched against error messages and extensions, and against bodies that are
 * not JSON; a match the request itself contains is an echo of the client's input, not a leak.
 */
export const LEAK_PATTERNS: readonly [string, RegExp][] = [
  // A V8 frame: `at fn (/path/file.js:1:2)`, `at /path/file.js:1:2`, `at file:///…`, `at node:internal/…`. Not
  // `at "input.updatedSince"; … 00:00:00`, which is graphql-js naming the client's own variable.
  ["stack frame", /\bat (?:[^\s()]+ \()?(?:\/|file:|node:|[A-Za-z]:\\)[^\s()]*:\d+:\d+/],
  ["node_modules path", /node_modules/],
  ["project path", /\/work\/|\/home\/|\/usr\/|[A-Z]:\\\\/],
  ["source file", /\.[jt]s:\d/],
  ["node internals", /node:internal|file:\/\//],
  ["SQL select", /select .* from/i],
  ["SQL insert", /insert into/i],
  ["SQL update", /update \S+ set /i],
  ["PostgreSQL syntax error", /syntax error at or near/i],
  ["PostgreSQL relation", /relation "/],
  ["PostgreSQL protocol", /invalid byte sequence|unterminated quoted|invalid input syntax for|violates .* constraint|duplicate key value|pg_|\bPGlite\b|MikroORM|knex/i],
  ["TypeError", /TypeError/],
  ["ReferenceError", /ReferenceError|RangeError|SyntaxError: Unexpected token/],
  ["stack overflow", /Maximum call stack size exceeded/],
  ["property of undefined", /Cannot read propert/],
  ["undefined is not", /undefined is not/],
  ["is not a function", /is not a function/],
];

/**
 * The closed set of `extensions.code` (DESIGN.md, Conventions; `packages/common/src/errors.ts`, which a test keeps
 * this copy equal to). A code outside it is a foreign code that escaped the one mapping table.
 */
export const CLOSED_CODES: ReadonlySet<string> = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "RECORD_IMMUTABLE",
  "IDEMPOTENCY_KEY_REUSED",
  "RATE_LIMITED",
  "QUERY_TOO_COMPLEX",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
]);

/**
 * Codes only execution produces: a result carrying one of them ran resolvers, so it must have a `data` key (GraphQL
 * spec, Response: "if an error was raised during execution, the data entry should be null"; it is absent only for
 * request errors). Parse, validation, variable coercion, limits, auth and HTTP refusals are request errors: they may
 * not have `data`, and are not judged here.
 */
const EXECUTION_ONLY_CODES = new Set(["NOT_FOUND", "CONFLICT", "RECORD_IMMUTABLE", "IDEMPOTENCY_KEY_REUSED"]);

/**
 * Statuses. A product failure is 5xx, judged as `http-5xx`, with one exception: 503 SERVICE_UNAVAILABLE with a
 * Retry-After is load shedding (an in-flight cap), which the runner waits out and retries like a 429; only the
 * answer after the retries is judged, so a 503 that does not clear (the same request refused again and again, or a
 * 503 without Retry-After or code) still fails. Client refusals are 400 (malformed), 401 (token), 405 (method), 406
 * (Accept), 408 (slow client), 413 (size), 415 (media type), 431 (headers), 429 (rate): any other 4xx is
 * `unexpected-status`, as is a status outside what a generator says the request must get (`FuzzRequest.expect`).
 */
const CLIENT_STATUSES = new Set([400, 401, 404, 405, 406, 408, 413, 415, 429, 431]);

interface GraphQLError {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

function errorsOf(payload: unknown): GraphQLError[] {
  const results = Array.isArray(payload) ? payload : [payload];
  return results.flatMap((r) => (r && typeof r === "object" && Array.isArray((r as { errors?: unknown }).errors) ? (r as { errors: GraphQLError[] }).errors : []));
}

function leaks(text: string, requestText: string): string[] {
  const found: string[] = [];
  for (const [name, pattern] of LEAK_PATTERNS) {
    const match = pattern.exec(text);
    if (match && !requestText.includes(match[0])) found.push(`${name}: ${JSON.stringify(clip(match[0], 120))}`);
  }
  return found;
}

export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The request as text, to tell the client's own words echoed back from internals. */
export function requestText(request: FuzzRequest): string {
  const body = request.body === undefined || isOversized(request.body) ? "" : request.body;
  // A body of hundreds of kilobytes is deep nesting or a long list: its raw text is echo enough, decoding it is slow.
  if (body.length > 200_000) return [request.search ?? "", body].join("\n");
  let decoded = "";
  try {
    decoded = JSON.stringify(JSON.parse(body)); // escapes as the server's JSON would show them
  } catch {
    // not JSON: the raw text is what the server saw
  }
  return [request.search ?? "", decodeURIComponentSafe(request.search ?? ""), body, decoded, safeParseText(body)].join("\n");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return "";
  }
}

/** Every string inside a JSON body, unescaped: what a server echoes in a message is the string, not its JSON. */
function safeParseText(body: string): string {
  const out: string[] = [];
  try {
    JSON.parse(body, (_key, value) => {
      if (typeof value === "string") out.push(value);
      return value;
    });
  } catch {
    // not JSON
  }
  return out.join("\n");
}

/** Where in the request an error arose: execution (it has a path), parse/validation (locations only), or the request. */
function phaseOf(error: GraphQLError & { path?: unknown; locations?: unknown }): string {
  if (Array.isArray(error.path) && error.path.length) return `execution at ${String(error.path[0])}`;
  return Array.isArray(error.locations) ? "parse/validation" : "request";
}

/** Judges one answer. */
export function judge(request: FuzzRequest, answer: Answer, echo = requestText(request)): Verdict {
  const about = `${request.category}: ${request.label}`;
  if (answer.kind === "timeout") return { findings: [{ kind: "hang", detail: `no answer within ${answer.ms} ms`, group: about }], codes: [], status: "timeout", notes: [] };
  if (answer.kind === "connection-error") {
    // Refusing a body of megabytes by closing the connection is allowed; anything else is the server breaking.
    if (isOversized(request.body)) return { findings: [], codes: [], status: "connection-closed", notes: [`connection closed on a ${request.body.bytes}-byte body`] };
    // Refused: the process is down (one finding per request, one group). Reset: this request may be what broke it.
    const group = answer.code === "ECONNREFUSED" ? "ECONNREFUSED: the process is down" : `${answer.code} on ${about}`;
    return { findings: [{ kind: "connection-error", detail: `${answer.code}: ${answer.message}`, group }], codes: [], status: "connection-error", notes: [] };
  }
  const findings: Finding[] = [];
  const notes: string[] = [];
  const text = answer.body.toString("utf8");
  let payload: unknown;
  let isJson = false;
  try {
    payload = JSON.parse(text);
    isJson = true;
  } catch {
    // judged below
  }
  if (answer.status >= 500) findings.push({ kind: "http-5xx", detail: `HTTP ${answer.status}: ${clip(text, 200)}`, group: `HTTP ${answer.status} on ${about}` });
  const type = answer.headers["content-type"] ?? "(no content-type)";
  // An error status always carries a JSON body with the code and request id, whatever the client asked for: a
  // client's error handling (and its support ticket) needs them. HEAD has no body; OPTIONS answers CORS.
  const bodyless = request.method === "HEAD" || request.method === "OPTIONS";
  if (answer.status >= 400 && !bodyless && !answer.truncated && !isJson) {
    findings.push({
      kind: "error-body-not-json",
      detail: `HTTP ${answer.status} ${type}: ${text.length ? clip(JSON.stringify(text), 200) : "(empty body)"}`,
      group: `HTTP ${answer.status} ${text.length ? type : "empty"} on ${about}`,
    });
  } else if (!isJson && !answer.truncated && request.expectsJson && !bodyless && answer.status !== 204) {
    findings.push({ kind: "not-json", detail: `HTTP ${answer.status} ${type}: ${clip(JSON.stringify(text), 200)}`, group: `HTTP ${answer.status} ${type} on ${about}` });
  }
  const errors = errorsOf(payload);
  const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? "(none)")))];
  const internal = errors.find((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR");
  if (internal) {
    // The message is masked (the same for every bug): where it arose tells causes apart.
    const phase = phaseOf(internal);
    findings.push({ kind: "internal-server-error", detail: clip(String(internal.message), 200), group: phase.startsWith("execution") ? `${phase} (${about})` : about });
  }
  for (const e of errors) {
    const leaked = leaks(`${String(e.message)}\n${JSON.stringify(e.extensions ?? {})}`, echo);
    if (leaked.length) {
      findings.push({ kind: "leak", detail: `${leaked.join("; ")} in ${clip(JSON.stringify(e.message), 300)}`, group: `${leaked.map((l) => l.split(":")[0]).join(", ")}, ${phaseOf(e)}` });
      break;
    }
  }
  if (!isJson) {
    const leaked = leaks(clip(text, 100_000), echo);
    if (leaked.length) findings.push({ kind: "leak", detail: `${leaked.join("; ")} in a non-JSON body`, group: `${leaked.map((l) => l.split(":")[0]).join(", ")} in a non-JSON HTTP ${answer.status}` });
  }
  const data = isJson && payload && typeof payload === "object" ? (payload as { data?: unknown }).data : undefined;
  if (request.exceeds && data != null && !codes.includes("QUERY_TOO_COMPLEX")) {
    findings.push({ kind: "limits-not-enforced", detail: `answered a query of ${request.exceeds} with data, HTTP ${answer.status}`, group: request.exceeds.replace(/^\d+ /, "N ").replace(/\d+ \(/, "N (") });
  }
  const anonymous = errors.find((e) => typeof e.extensions?.requestId !== "string" || !e.extensions.requestId);
  if (anonymous) {
    const code = String(anonymous.extensions?.code ?? "(no code)");
    const phase = phaseOf(anonymous).replace(/ at .*/, "");
    findings.push({ kind: "missing-request-id", detail: `${code} (${phase}): ${clip(String(anonymous.message), 200)}`, group: `${code} error, ${phase}` });
  }
  findings.push(...shapeFindings(request, answer.status, isJson, payload, errors, about));
  findings.push(...expectationFindings(request, answer.status, type, payload, errors, about));
  return { findings, codes, status: String(answer.status), notes };
}

/** A value that answers something: a list of nulls does not, `{ id }` or `"Query"` does. */
const hasContent = (value: unknown): boolean => (Array.isArray(value) ? value.some(hasContent) : value !== null && value !== undefined);
const answers = (data: unknown) => !!data && typeof data === "object" && Object.values(data).some(hasContent);

const results = (payload: unknown): Record<string, unknown>[] =>
  (Array.isArray(payload) ? payload : [payload]).filter((r): r is Record<string, unknown> => !!r && typeof r === "object" && !Array.isArray(r));

/** (b) every error coded from the closed set; an error status explains itself; (c) execution errors keep `data`. */
function shapeFindings(request: FuzzRequest, status: number, isJson: boolean, payload: unknown, errors: GraphQLError[], about: string): Finding[] {
  const findings: Finding[] = [];
  const uncoded = errors.find((e) => typeof e.extensions?.code !== "string" || !CLOSED_CODES.has(e.extensions.code));
  if (uncoded) {
    const code = uncoded.extensions?.code === undefined ? "no code" : `code ${JSON.stringify(uncoded.extensions.code)}`;
    findings.push({ kind: "error-code-invalid", detail: `${code}: ${clip(String(uncoded.message), 200)}`, group: `${code}, ${phaseOf(uncoded).replace(/ at .*/, "")} (${about})` });
  } else if (isJson && status >= 400 && !errors.length && request.method !== "HEAD") {
    findings.push({ kind: "error-code-invalid", detail: `HTTP ${status} without errors: ${clip(JSON.stringify(payload), 200)}`, group: `HTTP ${status} without errors (${about})` });
  }
  for (const result of results(payload)) {
    const errs = Array.isArray(result.errors) ? (result.errors as (GraphQLError & { path?: unknown })[]) : [];
    if (!errs.length || "data" in result) continue;
    const executed = errs.find((e) => (Array.isArray(e.path) && e.path.length > 0) || EXECUTION_ONLY_CODES.has(String(e.extensions?.code)));
    if (executed) {
      findings.push({
        kind: "errors-without-data",
        detail: `HTTP ${status}, ${String(executed.extensions?.code ?? "no code")} (${phaseOf(executed)}) and no data key: ${clip(String(executed.message), 160)}`,
        group: `${String(executed.extensions?.code ?? "no code")} without data (${about})`,
      });
      break;
    }
  }
  return findings;
}

/** What the generator says this request must get: its statuses, its media type, no data for a refused token. */
function expectationFindings(request: FuzzRequest, status: number, type: string, payload: unknown, errors: GraphQLError[], about: string): Finding[] {
  const findings: Finding[] = [];
  const expect = request.expect;
  if (status >= 400 && status < 500 && !CLIENT_STATUSES.has(status)) {
    findings.push({ kind: "unexpected-status", detail: `HTTP ${status} is not a status this API answers`, group: `HTTP ${status} on ${about}` });
  } else if (expect && !expect.statuses.includes(status) && !(request.refusedToken && status === 401)) {
    findings.push({ kind: "unexpected-status", detail: `HTTP ${status}, expected ${expect.statuses.join(" or ")}: ${expect.why}`, group: `HTTP ${status} not ${expect.statuses.join("/")} on ${request.label}` });
  } else if (request.validToken && status === 401) {
    findings.push({ kind: "unexpected-status", detail: `HTTP 401 for a valid token in "${request.validToken}": the scheme is case-insensitive and takes 1*SP (RFC 9110 §11.1, RFC 6750 §2.1)`, group: `401 for ${request.validToken}` });
  } else if (expect?.contentType && status < 300 && !expect.contentType.test(type)) {
    findings.push({ kind: "unexpected-status", detail: `HTTP ${status} as ${type}, expected ${String(expect.contentType)}: ${expect.why}`, group: `${type} on ${request.label}` });
  }
  const data = results(payload).map((r) => r.data);
  const answered = data.some(answers);
  if (request.refusedToken && answered) {
    findings.push({ kind: "token-not-refused", detail: `HTTP ${status} with data under a token that must be refused (${request.refusedToken})`, group: `${request.refusedToken} token (${request.category})` });
  }
  if (request.refusesData && answered && !errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) {
    findings.push({ kind: "private-data-exposed", detail: `${request.refusesData}: ${clip(JSON.stringify(data), 200)}`, group: `${request.refusesData} (${about.replace(/ ×\d+/, "")})` });
  }
  return findings;
}
