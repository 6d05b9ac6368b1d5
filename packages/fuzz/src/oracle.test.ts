import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./model";
import { CLOSED_CODES, judge } from "./oracle";
import type { FuzzRequest } from "./request";
import type { Answer } from "./send";

const request = (body: unknown, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
  index: 0,
  category: "query",
  label: "test",
  target: "gateway",
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
  as: "anonymous",
  expectsJson: true,
  ...extra,
});
const answer = (status: number, body: unknown, contentType = "application/json"): Answer => ({
  kind: "response",
  status,
  headers: { "content-type": contentType },
  body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  truncated: false,
  ms: 1,
});
const kinds = (req: FuzzRequest, ans: Answer) => judge(req, ans).findings.map((f) => f.kind);
const error = (message: string, extensions: Record<string, unknown>, more: object = {}) => ({ errors: [{ message, extensions, ...more }] });

describe("oracle", () => {
  it("accepts a client error that carries its code and request id", () => {
    expect(kinds(request({ query: "{ x }" }), answer(400, error("Cannot query field", { code: "BAD_USER_INPUT", requestId: "r1" })))).toEqual([]);
  });

  it("flags INTERNAL_SERVER_ERROR, a 5xx, and an error without a request id", () => {
    expect(kinds(request({}), answer(200, error("Unexpected error.", { code: "INTERNAL_SERVER_ERROR", requestId: "r" })))).toEqual(["internal-server-error"]);
    expect(kinds(request({}), answer(502, error("Bad gateway", { code: "SERVICE_UNAVAILABLE", requestId: "r" })))).toEqual(["http-5xx"]);
    expect(kinds(request({}), answer(200, error("Unexpected error.", { code: "INTERNAL_SERVER_ERROR" })))).toEqual(["internal-server-error", "missing-request-id"]);
  });

  it("flags a hang, a broken connection, and a body that is not JSON", () => {
    expect(kinds(request({}), { kind: "timeout", ms: 5000 })).toEqual(["hang"]);
    expect(kinds(request({}), { kind: "connection-error", code: "ECONNRESET", message: "socket hang up", ms: 3 })).toEqual(["connection-error"]);
    expect(kinds(request({}), answer(400, "Bad Request", "text/plain"))).toEqual(["error-body-not-json"]);
    expect(kinds(request({}), answer(200, "OK", "text/plain"))).toEqual(["not-json"]);
  });

  it("flags an error status without a JSON body, whatever the client asked for; lets a client that asked for HTML get HTML", () => {
    for (const status of [400, 405, 413, 415, 431, 503]) expect(kinds(request({}), answer(status, "", "text/plain"))).toContain("error-body-not-json");
    expect(kinds(request({}, { expectsJson: false }), answer(406, "Not Acceptable", "text/plain"))).toEqual(["error-body-not-json"]);
    expect(kinds(request({}, { method: "HEAD", expectsJson: false }), answer(405, "", "text/plain"))).toEqual([]);
    expect(kinds(request({}, { method: "GET", expectsJson: false }), answer(200, "<html></html>", "text/html"))).toEqual([]);
  });

  it("flags a code outside the closed set, an error status without errors, and an uncoded error", () => {
    expect(kinds(request({}), answer(200, error("x", { code: "DOWNSTREAM_SERVICE_ERROR", requestId: "r" })))).toEqual(["error-code-invalid"]);
    expect(kinds(request({}), answer(400, { message: "bad" }))).toEqual(["error-code-invalid"]);
    expect(kinds(request({}), answer(200, { errors: [{ message: "x", extensions: { requestId: "r" } }] }))).toEqual(["error-code-invalid"]);
  });

  it("flags execution errors without a data key, not request errors", () => {
    const fieldError = { errors: [{ message: "Not found", path: ["council"], extensions: { code: "NOT_FOUND", requestId: "r" } }] };
    expect(kinds(request({}), answer(200, fieldError))).toEqual(["errors-without-data"]);
    expect(kinds(request({}), answer(200, { ...fieldError, data: null }))).toEqual([]);
    expect(kinds(request({}), answer(400, error("Syntax Error", { code: "GRAPHQL_PARSE_FAILED", requestId: "r" }, { locations: [{ line: 1, column: 1 }] })))).toEqual([]);
    expect(kinds(request({}), answer(401, error("Token has expired.", { code: "UNAUTHENTICATED", requestId: "r" })))).toEqual([]);
  });

  it("judges statuses: unknown 4xx, a generator's expectation, a valid token refused, a refused token answered", () => {
    const ok = answer(200, { data: { council: { id: "4" } } });
    expect(kinds(request({}), answer(418, error("teapot", { code: "BAD_REQUEST", requestId: "r" })))).toEqual(["unexpected-status"]);
    const expect415 = request({}, { expect: { statuses: [415], why: "UTF-8 only" } });
    expect(kinds(expect415, ok)).toEqual(["unexpected-status"]);
    expect(kinds(expect415, answer(415, error("Unsupported", { code: "BAD_REQUEST", requestId: "r" })))).toEqual([]);
    const plainJson = request({}, { expect: { statuses: [200, 406], contentType: /^application\/json/, why: "q=0" } });
    expect(kinds(plainJson, answer(200, { data: {} }, "application/graphql-response+json"))).toEqual(["unexpected-status"]);
    expect(kinds(request({}, { validToken: "lowercase-scheme" }), answer(401, error("Malformed", { code: "UNAUTHENTICATED", requestId: "r" })))).toEqual(["unexpected-status"]);
    expect(kinds(request({}, { refusedToken: "expired" }), ok)).toEqual(["token-not-refused"]);
    expect(kinds(request({}, { refusedToken: "expired", expect: { statuses: [200], why: "x" } }), answer(401, error("Expired", { code: "UNAUTHENTICATED", requestId: "r" })))).toEqual([]);
  });

  it("flags data for a representation of a private type, not a list of nulls", () => {
    const privateType = request({}, { refusesData: "_entities of a private type" });
    expect(kinds(privateType, answer(200, { data: { _entities: [{ __typename: "PersonalData" }] } }))).toEqual(["private-data-exposed"]);
    expect(kinds(privateType, answer(200, { data: { _entities: [null] }, errors: [{ message: "no", path: ["_entities", 0], extensions: { code: "BAD_USER_INPUT", requestId: "r" } }] }))).toEqual([]);
  });

  it("keeps the closed set of codes equal to the product's", async () => {
    const source = await readFile(join(ROOT, "packages", "common", "src", "errors.ts"), "utf8");
    const block = /export const ErrorCode = \{([^}]*)\}/.exec(source)?.[1] ?? "";
    expect(new Set([...block.matchAll(/^\s*([A-Z_]+):/gm)].map((m) => m[1]))).toEqual(CLOSED_CODES);
  });

  it("flags internals in a message, but not the client's own input echoed back", () => {
    const sql = error('select "c0"."id" from "councils"."council" - invalid input syntax', { code: "BAD_USER_INPUT", requestId: "r" });
    expect(kinds(request({}), answer(200, sql))).toEqual(["leak"]);
    const frame = error("boom", { code: "BAD_USER_INPUT", requestId: "r", stacktrace: ["at load (/work/x/dist/loader.js:41:20)"] });
    expect(kinds(request({}), answer(200, frame))).toEqual(["leak"]);
    const echo = error('Expected type Int, found "select * from users".', { code: "BAD_USER_INPUT", requestId: "r" });
    expect(kinds(request({ query: '{ x(first: "select * from users") }' }), answer(400, echo))).toEqual([]);
    const variable = error('Variable "$v3" got invalid value "+275760-09-13T00:00:00.000Z" at "v3.updatedSince"; DateTime cannot represent it.', { code: "BAD_USER_INPUT", requestId: "r" });
    expect(kinds(request({}), answer(400, variable))).toEqual([]);
  });

  it("flags an answer with data to a query far beyond the public limits", () => {
    const far = request({}, { exceeds: "200 aliases (limit 30)" });
    expect(kinds(far, answer(200, { data: { a0: 1 } }))).toEqual(["limits-not-enforced"]);
    expect(kinds(far, answer(400, error("Aliases limit of 30 exceeded", { code: "QUERY_TOO_COMPLEX", requestId: "r" })))).toEqual([]);
  });

  it("judges every result of a batch", () => {
    const batch = [{ data: {} }, error("Unexpected error.", { code: "INTERNAL_SERVER_ERROR", requestId: "r" })];
    expect(kinds(request([{}, {}]), answer(200, batch))).toEqual(["internal-server-error"]);
  });
});
