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

/** Statuses whose body may be empty or any type: refusals before any GraphQL runs. */
const BODY_OPTIONAL = new Set([405, 413, 415, 431]);

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
  if (!isJson && !answer.truncated && request.expectsJson && request.method !== "HEAD") {
    if (BODY_OPTIONAL.has(answer.status)) notes.push(`HTTP ${answer.status} with a non-JSON body (${text.length ? clip(JSON.stringify(text), 60) : "empty"})`);
    else {
      const type = answer.headers["content-type"] ?? "(no content-type)";
      findings.push({ kind: "not-json", detail: `HTTP ${answer.status} ${type}: ${clip(JSON.stringify(text), 200)}`, group: `HTTP ${answer.status} ${type} on ${about}` });
    }
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
  return { findings, codes, status: String(answer.status), notes };
}
