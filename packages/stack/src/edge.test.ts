import { createGateway } from "@contagem/gateway";
import { createLogger, createVerifier, ERROR_CODES, ErrorCode } from "@contagem/schema";
import { mintToken, startSystem, TEST_AUTH, type RunningSystem } from "@contagem/testkit";
import { serverAudits } from "graphql-http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The HTTP edge of every GraphQL endpoint, the gateway's and each subgraph's: GraphQL over HTTP statuses, the closed
 * set of codes with a request id on every error, CSRF, CORS and the security headers.
 */
let system: RunningSystem;
let supergraph: string;
beforeAll(async () => {
  supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  system = await startSystem(DEFINITIONS, supergraph, { responseCacheTtlMs: 5000 });
});
afterAll(() => system.stop());

const endpoints = () => [
  ["the gateway", system.gatewayUrl],
  ...Object.values(system.subgraphs).map((s) => [`the ${s.name} subgraph`, s.url]),
];
const names = ["the gateway", ...DEFINITIONS.map((d) => `the ${d.name} subgraph`)];
const urlOf = (name: string) => Object.fromEntries(endpoints())[name];
/** A root list each endpoint serves, to build costly queries with. */
const LIST_OF: Record<string, string> = {
  "the gateway": "councils",
  "the councils subgraph": "councils",
  "the meetings subgraph": "meetings",
  "the participation subgraph": "processes",
};

describe.each(names)("GraphQL over HTTP at %s", (name) => {
  it("passes the graphql-http audit with 0 errors and 0 warnings", async () => {
    const results = await Promise.all(serverAudits({ url: urlOf(name), fetchFn: fetch }).map((audit) => audit.fn()));
    const failed = results.filter((r) => r.status === "error" || r.status === "warn").map((r) => `${r.status} ${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });

  const GRAPHQL_RESPONSE = "application/graphql-response+json";
  const json = { "content-type": "application/json", accept: GRAPHQL_RESPONSE };
  const post = (body: BodyInit, headers: Record<string, string> = json) => ({ method: "POST", headers, body });
  const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
  const notUtf8 = Buffer.concat([Buffer.from('{"query":"{ __typename }","variables":{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]);
  const get = (accept = GRAPHQL_RESPONSE) => () => ({ method: "GET", headers: { accept } });
  const big = JSON.stringify({ query: "{ __typename }", variables: { big: "x".repeat(1_100_000) } });
  const chunked = () => new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
  const cases: [string, () => RequestInit & { duplex?: string }, number, string, string?][] = [
    ["malformed JSON", () => post("{"), 400, "BAD_REQUEST"],
    ["an empty body", () => post(""), 400, "BAD_REQUEST"],
    ["no query", () => post("{}"), 400, "BAD_REQUEST"],
    ["a query that is not a string", () => post('{"query":1}'), 400, "BAD_REQUEST"],
    ["variables that are not an object", () => post('{"query":"{ __typename }","variables":"x"}'), 400, "BAD_REQUEST"],
    ["extensions that are not an object", () => post('{"query":"{ __typename }","extensions":[1]}'), 400, "BAD_REQUEST"],
    ["an unknown operationName", () => post('{"query":"query A { __typename }","operationName":"B"}'), 400, "BAD_REQUEST"],
    ["a batch when batching is off", () => post('[{"query":"{ __typename }"}]'), 400, "BAD_REQUEST"],
    ["a syntax error", () => post('{"query":"{ councils(first: "}'), 400, "GRAPHQL_PARSE_FAILED"],
    ["a field that does not exist", () => post('{"query":"{ nope }"}'), 400, "GRAPHQL_VALIDATION_FAILED"],
    ["a variable of the wrong type", () => post('{"query":"query($a: String!) { __type(name: $a) { name } }","variables":{"a":1}}'), 400, "BAD_USER_INPUT"],
    ["a mutation by GET", () => ({ method: "GET", headers: { accept: GRAPHQL_RESPONSE, "apollo-require-preflight": "1" } }), 405, "BAD_REQUEST", "?query=mutation%20%7B%20__typename%20%7D"],
    ["PUT", () => ({ ...post('{"query":"{ __typename }"}'), method: "PUT" }), 405, "BAD_REQUEST"],
    ["DELETE", () => ({ method: "DELETE", headers: json }), 405, "BAD_REQUEST"],
    ["a form-encoded POST (a cross-site form)", () => post("query=mutation%7B__typename%7D", { "content-type": "application/x-www-form-urlencoded" }), 415, "BAD_REQUEST"],
    ["a text/plain POST (a cross-site fetch without preflight)", () => post('{"query":"{ __typename }"}', { "content-type": "text/plain" }), 415, "BAD_REQUEST"],
    ["a multipart POST", () => post("--x--", { "content-type": "multipart/form-data; boundary=x" }), 415, "BAD_REQUEST"],
    ["a POST without a content type", () => ({ method: "POST", body: new Blob(['{"query":"{ __typename }"}']) }), 415, "BAD_REQUEST"],
    ["a body over 1 MiB, declared", () => post(big), 413, "BAD_REQUEST"],
    ["a body over 1 MiB, chunked", () => ({ method: "POST", headers: json, body: chunked(), duplex: "half" }), 413, "BAD_REQUEST"],
    ["200 aliases", () => post(JSON.stringify({ query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: ${LIST_OF[name]}(first: 1) { totalCount }`).join(" ")} }` })), 400, "QUERY_TOO_COMPLEX"],
    ["headers over Node's limit", () => post('{"query":"{ __typename }"}', { ...json, "x-padding": "a".repeat(20_000) }), 431, "BAD_REQUEST"],
    ["an invalid token", () => post('{"query":"{ __typename }"}', { ...json, authorization: "Bearer not-a-jwt" }), 401, "UNAUTHENTICATED"],
    ["extensions nested 100,000 levels deep", () => post(`{"query":"{ __typename }","extensions":{"x":${deep(100_000)}}}`), 400, "BAD_REQUEST"],
    ["a 1 MB body of nested arrays", () => post(deep(500_000)), 400, "BAD_REQUEST"],
    ["GET variables nested 100 levels deep", get(), 400, "BAD_REQUEST", `?query=%7B__typename%7D&variables=${encodeURIComponent(`{"a":${deep(100)}}`)}`],
    ["a body that is not UTF-8", () => post(notUtf8), 400, "BAD_REQUEST"],
    ["a charset other than UTF-8", () => post('{"query":"{ __typename }"}', { ...json, "content-type": "application/json; charset=latin1" }), 415, "BAD_REQUEST"],
    ["a subscription", () => post('{"query":"subscription { __typename }"}'), 400, "BAD_REQUEST"],
    ["a POST accepting only image/png", () => post('{"query":"{ __typename }"}', { ...json, accept: "image/png" }), 406, "BAD_REQUEST"],
    ["a POST accepting only text/html", () => post('{"query":"{ __typename }"}', { ...json, accept: "text/html" }), 406, "BAD_REQUEST"],
    ["a GET accepting only text/plain", get("text/plain"), 406, "BAD_REQUEST", "?query=%7B__typename%7D"],
  ];

  it.each(cases)("answers %s with its status and code, and a request id", async (_case, init, status, code, search = "") => {
    const res = await fetch(`${urlOf(name)}${search}`, init());
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect({ status: res.status, codes: body.errors.map((e) => e.extensions.code) }).toEqual({ status, codes: [code] });
    expect(body.errors[0].extensions.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("accepts the JSON media type in any case, a UTF-8 charset however written, and a body nested up to the limit", async () => {
    const types = ["APPLICATION/JSON", "Application/Json; Charset=UTF-8", 'application/json;charset="utf-8"', "application/json; charset=utf8"];
    const bodies = types.map((type) => post('{"query":"{ __typename }"}', { "content-type": type }));
    // 64 levels below the body's own object: `extensions` and 63 arrays in it.
    bodies.push(post(`{"query":"{ __typename }","extensions":{"x":${deep(63)}}}`));
    for (const init of bodies) {
      const res = await fetch(urlOf(name), init);
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
    }
    const deeper = await fetch(urlOf(name), post(`{"query":"{ __typename }","extensions":{"x":${deep(64)}}}`));
    expect(deeper.status).toBe(400);
  });

  it.each([
    ["application/graphql-response+json;q=0, application/json", "application/json"],
    ["application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json"],
    ["application/graphql-response+json;q=0.2, application/json;q=0.9", "application/json"],
    ["text/html, application/json;q=0.1", "application/json"],
    // A range covering both leaves the choice to the server.
    ["application/*;q=0.5, image/png", expect.stringMatching(/^application\/(graphql-response\+)?json$/)],
  ])("answers Accept %j in the type the client prefers, never one it excluded", async (accept, type) => {
    const res = await fetch(urlOf(name), post('{"query":"{ __typename }"}', { "content-type": "application/json", accept }));
    expect({ status: res.status, type: res.headers.get("content-type")?.split(";")[0] }).toEqual({ status: 200, type });
  });

  it("answers parse and validation errors with 200 under plain application/json (legacy clients read the body)", async () => {
    for (const query of ["{ councils(first: ", "{ nope }"]) {
      const res = await fetch(urlOf(name), post(JSON.stringify({ query }), { "content-type": "application/json", accept: "application/json" }));
      expect(res.status).toBe(200);
    }
  });
});

describe("responses at the gateway", () => {
  it("carry data: null when every root field failed, as GraphQL requires once execution began", async () => {
    const mutation = `mutation { scheduleMeeting(input: { councilId: "4", type: ORDINARY, startsAt: "2027-01-01T10:00:00-03:00", modality: IN_PERSON }) { meeting { id } } }`;
    const res = await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: mutation }) });
    const body = (await res.json()) as { data?: unknown; errors: { path?: string[]; extensions: { code: string } }[] };
    expect(body).toEqual({ data: null, errors: [expect.objectContaining({ path: ["scheduleMeeting"], extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })] });
  });

  it("refuse a custom scalar variable (DateTime) as the README says: BAD_USER_INPUT on the field that takes it, the rest answered", async () => {
    const query = "query($d: DateTime) { meetings(first: 1, filter: { from: $d }) { totalCount } councils(first: 1) { totalCount } }";
    const res = await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables: { d: "2027-01-01" } }) });
    const body = (await res.json()) as { data: { meetings: unknown; councils: { totalCount: number } }; errors: { path: string[]; extensions: { code: string } }[] };
    expect({ status: res.status, meetings: body.data.meetings, error: body.errors.map((e) => [e.path, e.extensions.code]) }).toEqual({
      status: 200,
      meetings: null,
      error: [[["meetings"], "BAD_USER_INPUT"]],
    });
    expect(body.data.councils.totalCount).toBeGreaterThan(0);
  });
});

describe("browsers at the gateway", () => {
  it("cannot run a mutation from a cross-site form: 415, and nothing is written", async () => {
    const token = await mintToken({ roles: ["SECRETARY"], councils: ["compur"] });
    const meetings = system.subgraphs.meetings;
    const count = () => meetings.orm.em.fork().getConnection().execute(`select count(*)::int as n from "${meetings.database.schema}".meeting`);
    const before = await count();
    const form = new URLSearchParams({ query: `mutation { scheduleMeeting(input: { councilId: "4", type: ORDINARY, startsAt: "2027-01-01T10:00:00-03:00", modality: IN_PERSON }) { meeting { id } } }` });
    for (const headers of [{ "content-type": "application/x-www-form-urlencoded" }, { "content-type": "text/plain" }]) {
      const res = await fetch(system.gatewayUrl, { method: "POST", headers: { ...headers, authorization: `Bearer ${token}` }, body: form.toString() });
      expect(res.status).toBe(415);
    }
    const get = await fetch(`${system.gatewayUrl}?${form}`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
    expect(await count()).toEqual(before);
  });

  it("lets any origin read the public API by default, without credentials, exposing the request id, Retry-After, Cache-Status and the rate-limit headers", async () => {
    const preflight = await fetch(system.gatewayUrl, {
      method: "OPTIONS",
      headers: { origin: "https://jornal.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const res = await fetch(system.gatewayUrl, { method: "POST", headers: { origin: "https://jornal.example", "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toBe(
      "x-request-id,retry-after,cache-status,x-ratelimit-limit,x-ratelimit-remaining,x-ratelimit-used,x-ratelimit-reset,x-ratelimit-resource",
    );
  });

  it("allows only the configured origins when CORS_ORIGINS lists them", async () => {
    const gateway = createGateway({
      supergraph,
      subgraphUrls: Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.url])),
      logger: createLogger("test-gateway", "silent"),
      corsOrigins: ["https://transparencia.contagem.mg.gov.br"],
      verify: await createVerifier(TEST_AUTH),
    });
    const { url } = await gateway.listen(0);
    try {
      const ask = (origin: string) => fetch(url, { method: "POST", headers: { origin, "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
      expect((await ask("https://transparencia.contagem.mg.gov.br")).headers.get("access-control-allow-origin")).toBe("https://transparencia.contagem.mg.gov.br");
      expect((await ask("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
      // An answer a shared cache keeps names the origin it allowed: it must say it varies with Origin, or a CDN would
      // hand one origin's answer to another origin's browser (which then refuses it). The published documents and
      // the feeds are kept for minutes.
      const origin = new URL(url).origin;
      for (const path of ["/schema.graphql", "/docs", "/feeds/all.atom", "/calendar/all.ics"]) {
        const res = await fetch(`${origin}${path}`, { headers: { origin: "https://transparencia.contagem.mg.gov.br" } });
        expect({ path, status: res.status, cacheControl: res.headers.get("cache-control") }).toEqual({ path, status: 200, cacheControl: expect.stringMatching(/^public/) });
        expect(res.headers.get("access-control-allow-origin")).toBe("https://transparencia.contagem.mg.gov.br");
        expect({ path, vary: res.headers.get("vary")?.toLowerCase().split(/,\s*/) }).toEqual({ path, vary: expect.arrayContaining(["origin", "accept-encoding"]) });
      }
    } finally {
      await gateway.stop();
    }
  });

  it("sends security headers with every answer, refusals included", async () => {
    for (const init of [{ method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }, { method: "PUT" }]) {
      const res = await fetch(system.gatewayUrl, init);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    }
  });

  it("serves the IDE under a CSP that runs only its own inline script (by hash) and talks only to this origin", async () => {
    const res = await fetch(system.gatewayUrl, { headers: { accept: "text/html" } });
    const csp = res.headers.get("content-security-policy") ?? "";
    const html = await res.text();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const { createHash } = await import("node:crypto");
    for (const script of scripts) expect(csp).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });
});

describe("the README's error table", () => {
  it("lists every code of the closed set with the HTTP status the code table gives it", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    for (const code of Object.values(ErrorCode)) {
      const row = new RegExp(`^\\| \`${code}\` \\| ([^|]+) \\|`, "m").exec(readme);
      expect({ code, listed: !!row }).toEqual({ code, listed: true });
      expect({ code, statuses: row![1] }).toEqual({ code, statuses: expect.stringContaining(String(ERROR_CODES[code].status)) });
    }
  });
});
