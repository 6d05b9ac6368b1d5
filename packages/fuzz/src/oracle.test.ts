import { judge } from "./oracle";
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
    expect(kinds(request({}), answer(400, "Bad Request", "text/plain"))).toEqual(["not-json"]);
  });

  it("lets 405, 413, 415 and 431 answer with an empty body, and a client that asked for HTML get HTML", () => {
    for (const status of [405, 413, 415, 431]) expect(kinds(request({}), answer(status, "", "text/plain"))).toEqual([]);
    expect(kinds(request({}, { method: "GET", expectsJson: false }), answer(200, "<html></html>", "text/html"))).toEqual([]);
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
