import { createHash } from "node:crypto";
import { jsonPost, type Draft, type OversizedShape } from "../request";
import type { GenContext } from "./context";

/**
 * Requests that are wrong as HTTP before they are wrong as GraphQL: batches, GET (mutations too), other methods,
 * content types, broken JSON, fields of the wrong type, no operation, APQ, odd headers. Each is a fixed shape; the
 * random stream picks one and fills in its query.
 */
const QUERIES = ["{ __typename }", "{ councils(first: 1) { totalCount } }", '{ council(slug: "compur") { id name } }', "query Q { __typename }"];
const MUTATION = 'mutation { createCouncil(input: { name: "Fuzz", kind: FORUM }) { council { id } } }';

const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };
const post = (label: string, body: string, headers: Record<string, string> = JSON_HEADERS, expectsJson = true): Draft => ({
  category: "http",
  label,
  method: "POST",
  headers,
  body,
  expectsJson,
});
const get = (label: string, params: Record<string, string> | string, headers: Record<string, string> = { accept: "application/json" }, expectsJson = true): Draft => ({
  category: "http",
  label,
  method: "GET",
  search: typeof params === "string" ? params : `?${new URLSearchParams(params)}`,
  headers,
  expectsJson,
});

function batches(q: string, n: number): [string, () => Draft][] {
  return [
    [`batch of ${n}`, () => post(`batch of ${n}`, JSON.stringify(Array.from({ length: n }, () => ({ query: q }))))],
    ["empty batch", () => post("empty batch", "[]")],
    ["batch of non-objects", () => post("batch of non-objects", '[1, "x", null, []]')],
    ["batch with a mutation", () => post("batch with a mutation", JSON.stringify([{ query: q }, { query: MUTATION }]))],
  ];
}

function gets(q: string): [string, () => Draft][] {
  return [
    ["GET query", () => get("GET query", { query: q })],
    ["GET mutation", () => get("GET mutation", { query: MUTATION })],
    ["GET with variables not JSON", () => get("GET with variables not JSON", { query: q, variables: "{not json" })],
    ["GET with variables of the wrong type", () => get("GET with variables of the wrong type", { query: q, variables: "[1,2]" })],
    ["GET with extensions not JSON", () => get("GET with extensions not JSON", { query: q, extensions: "x" })],
    ["GET without query", () => get("GET without query", "")],
    ["GET with an empty query", () => get("GET with an empty query", "?query=")],
    ["GET with query twice", () => get("GET with query twice", `?query=${encodeURIComponent(q)}&query=${encodeURIComponent(MUTATION)}`)],
    ["GET with a broken percent-encoding", () => get("GET with a broken percent-encoding", "?query=%E0%A4%A&variables=%")],
    ["GET with a 20 kB query string", () => get("GET with a 20 kB query string", { query: `{ __typename ${"#".repeat(20_000)}\n}` })],
    ["GET for the IDE", () => get("GET for the IDE", "", { accept: "text/html" }, false)],
  ];
}

function methods(q: string): [string, () => Draft][] {
  const body = JSON.stringify({ query: q });
  return ["PUT", "DELETE", "PATCH"].map((method) => [
    method,
    () => ({ category: "http", label: `${method} with a query`, method, headers: JSON_HEADERS, body, expectsJson: true }),
  ] as [string, () => Draft]).concat([
    ["OPTIONS", () => ({ category: "http", label: "OPTIONS preflight", method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" }, expectsJson: false })],
    ["HEAD", () => ({ category: "http", label: "HEAD", method: "HEAD", headers: {}, expectsJson: false })],
  ]);
}

function contentTypes(q: string): [string, () => Draft][] {
  const body = JSON.stringify({ query: q });
  const boundary = "----fuzz";
  const multipart = [
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: q, variables: { file: null } })}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
  ].join("");
  return [
    ["text/plain", () => post("content-type text/plain", body, { "content-type": "text/plain" })],
    ["form-urlencoded", () => post("content-type x-www-form-urlencoded", `query=${encodeURIComponent(q)}`, { "content-type": "application/x-www-form-urlencoded" })],
    ["multipart", () => post("content-type multipart/form-data (upload spec)", multipart, { "content-type": `multipart/form-data; boundary=${boundary}` })],
    ["multipart without boundary", () => post("multipart/form-data without a boundary", body, { "content-type": "multipart/form-data" })],
    ["application/graphql", () => post("content-type application/graphql", q, { "content-type": "application/graphql" })],
    ["no content type", () => post("no content type", body, { accept: "application/json" })],
    ["json charset utf-16", () => post("application/json; charset=utf-16", body, { "content-type": "application/json; charset=utf-16" })],
    ["json with BOM", () => post("JSON body with a byte-order mark", `\ufeff${body}`)],
    ["content type garbage", () => post("content type garbage", body, { "content-type": "application/json;;;=\u00ff" })],
    ["accept xml", () => post("accept application/xml", body, { "content-type": "application/json", accept: "application/xml" }, false)],
    ["accept event-stream", () => post("accept text/event-stream", body, { "content-type": "application/json", accept: "text/event-stream" }, false)],
    ["accept multipart", () => post("accept multipart/mixed", body, { "content-type": "application/json", accept: "multipart/mixed" }, false)],
  ];
}

function malformed(q: string, n: number): [string, () => Draft][] {
  const raw = (label: string, body: string) => [label, () => post(label, body)] as [string, () => Draft];
  return [
    raw("truncated JSON", `{"query": ${JSON.stringify(q).slice(0, 5)}`),
    raw("unclosed JSON object", `{"query":${JSON.stringify(q)}`),
    raw("single-quoted JSON", `{'query': '${q}'}`),
    raw("trailing garbage after JSON", `${JSON.stringify({ query: q })}xyz`),
    raw("JSON null", "null"),
    raw("JSON string", JSON.stringify(q)),
    raw("JSON number", "123"),
    raw("empty body", ""),
    raw("raw control bytes in JSON", `{"query":"{ __typename \u0001\u0002 }"}`),
    raw("duplicate keys", `{"query":"{ __typename }","query":${JSON.stringify(MUTATION)}}`),
    raw("__proto__ key", `{"query":${JSON.stringify(q)},"__proto__":{"polluted":true},"variables":{"__proto__":{"x":1}}}`),
    raw("deeply nested JSON variables", `{"query":${JSON.stringify(q)},"variables":{"a":${"[".repeat(n)}${"]".repeat(n)}}}`),
    raw("query missing", "{}"),
    raw("query null", '{"query":null}'),
    raw("query a number", '{"query":1}'),
    raw("query a list", `{"query":[${JSON.stringify(q)}]}`),
    raw("query an AST object", '{"query":{"kind":"Document","definitions":[]}}'),
    raw("variables a string", `{"query":${JSON.stringify(q)},"variables":"{}"}`),
    raw("variables a list", `{"query":${JSON.stringify(q)},"variables":[1]}`),
    raw("variables a number", `{"query":${JSON.stringify(q)},"variables":1}`),
    raw("extensions a string", `{"query":${JSON.stringify(q)},"extensions":"x"}`),
    raw("extensions a list", `{"query":${JSON.stringify(q)},"extensions":[]}`),
    raw("operationName unknown", `{"query":"query A { __typename }","operationName":"B"}`),
    raw("operationName a number", `{"query":"query A { __typename }","operationName":1}`),
    raw("operationName for one of two", `{"query":"query A { __typename } query B { __typename }","operationName":"Z"}`),
    raw("no operation: a fragment", '{"query":"fragment F on Query { __typename }"}'),
    raw("no operation: a comment", '{"query":"# nothing here"}'),
    raw("no operation: empty", '{"query":""}'),
    raw("no operation: whitespace", '{"query":"   \\n\\t "}'),
    raw("no operation: SDL", '{"query":"type Query { x: Int }"}'),
  ];
}

function persisted(q: string): [string, () => Draft][] {
  const hash = createHash("sha256").update(q).digest("hex");
  const apq = (label: string, payload: unknown) => [label, () => post(label, JSON.stringify(payload))] as [string, () => Draft];
  return [
    apq("APQ hash without query", { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    apq("APQ with query", { query: q, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    apq("APQ with a wrong hash", { query: q, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    apq("APQ version 2", { extensions: { persistedQuery: { version: 2, sha256Hash: hash } } }),
    apq("APQ hash not a string", { extensions: { persistedQuery: { version: 1, sha256Hash: 1 } } }),
    apq("APQ not an object", { query: q, extensions: { persistedQuery: "yes" } }),
    ["APQ over GET", () => get("APQ over GET", { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) })],
  ];
}

function headers(q: string): [string, () => Draft][] {
  const body = JSON.stringify({ query: q });
  const h = (label: string, extra: Record<string, string>) => [label, () => post(label, body, { ...JSON_HEADERS, ...extra })] as [string, () => Draft];
  return [
    h("x-request-id 8 kB", { "x-request-id": "r".repeat(8000) }),
    h("x-request-id with odd characters", { "x-request-id": "../../etc/passwd\"'<>%00" }),
    h("x-request-id latin-1", { "x-request-id": "re\u00e7\u00e3o" }),
    h("x-forwarded-for spoofed", { "x-forwarded-for": "1.2.3.4, 5.6.7.8, not-an-ip" }),
    h("many cookies", { cookie: Array.from({ length: 200 }, (_, i) => `c${i}=${"v".repeat(20)}`).join("; ") }),
    h("content-encoding gzip on a plain body", { "content-encoding": "gzip" }),
    h("content-encoding unknown", { "content-encoding": "br, zstd, nope" }),
  ];
}

/** One HTTP-level abuse, picked by family. */
export function httpAbuse(ctx: GenContext): Draft {
  const { rnd } = ctx;
  const q = rnd.pick(QUERIES);
  const family = rnd.weighted([
    [2, () => batches(q, rnd.pick([2, 10, 100]))],
    [3, () => gets(q)],
    [2, () => methods(q)],
    [3, () => contentTypes(q)],
    [4, () => malformed(q, rnd.pick([1000, 100_000]))],
    [2, () => persisted(q)],
    [1, () => headers(q)],
  ] as const)();
  return rnd.pick(family)[1]();
}

const SHAPES: Record<OversizedShape, { label: string; prefix: string; fill: string; suffix: string }> = {
  string: { label: "one long string in variables", prefix: '{"query":"{ __typename }","variables":{"pad":"', fill: "x", suffix: '"}}' },
  comment: { label: "one long comment in the query", prefix: '{"query":"{ __typename #', fill: "x", suffix: '\\n}"}' },
  numbers: { label: "millions of numbers in variables", prefix: '{"query":"{ __typename }","variables":{"pad":[', fill: "1,", suffix: "1]}}" },
  batch: { label: "a batch of many operations", prefix: "[", fill: '{"query":"{ __typename }"},', suffix: '{"query":"{ __typename }"}]' },
};

/**
 * A body over the 1 MB a GraphQL request needs, as valid JSON, built only when sent (the fuzzer never holds more
 * than one). What it holds matters: a long string is cheap to parse, millions of small values are not.
 */
export function oversizedBody(bytes: number, shape: OversizedShape): Draft {
  const { label, prefix, fill, suffix } = SHAPES[shape];
  const repeat = Math.max(0, Math.floor((bytes - prefix.length - suffix.length) / fill.length));
  return {
    ...jsonPost("http", `${(bytes / 1e6).toFixed(1)} MB body: ${label}`, null),
    body: { bytes: prefix.length + fill.length * repeat + suffix.length, prefix, fill, repeat, suffix },
  };
}
