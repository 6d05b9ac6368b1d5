import { adminToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliDecompress, gunzip } from "node:zlib";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * The gateway's HTTP protocol as clients meet it, over real HTTP: persisted documents (APQ and trusted documents),
 * GET with its caching headers, the rate-limit budget in headers and in `Query.rateLimit`, compression.
 */
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const TRUSTED = `query TrustedCouncil { council(slug: "compur") { acronym } }`;
const PER_MINUTE = 1000;

let system: RunningSystem;
beforeAll(async () => {
  const supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  system = await startSystem(DEFINITIONS.slice(0, 1), supergraph, {
    responseCacheTtlMs: 30_000,
    ratePerMinute: PER_MINUTE,
    persistedDocuments: { trusted: new Map([[sha256(TRUSTED), TRUSTED]]) },
  });
});
afterAll(() => system.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const url = new URL(system.gatewayUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, typeof value === "string" ? value : JSON.stringify(value));
  return fetch(url, { headers: { accept: "application/graphql-response+json", ...headers } });
};
const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

describe("automatic persisted queries", () => {
  it("misses an unknown hash with PERSISTED_QUERY_NOT_FOUND, registers the document, then answers the hash alone", async () => {
    const query = `{ councils(first: 2) { edges { node { acronym } } } }`;
    const miss = await post({ extensions: apq(query) });
    expect(miss.status).toBe(200);
    const missed = await miss.json();
    expect(missed.errors[0]).toMatchObject({ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } });
    const registered = await (await post({ query, extensions: apq(query) })).json();
    expect(registered.data.councils.edges.length).toBe(2);
    const hit = await (await post({ extensions: apq(query) })).json();
    expect(hit).toEqual(registered);
    const overGet = await get({ extensions: apq(query) });
    expect(overGet.status).toBe(200);
    expect(await overGet.json()).toEqual(registered);
  });

  it("refuses a document whose hash is not the one sent, and does not register it", async () => {
    const query = `{ councils(first: 1) { totalCount } }`;
    const res = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ __typename }") } } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
    const after = await (await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ __typename }") } } })).json();
    expect(after.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("keeps no document that does not parse: its hash alone stays PERSISTED_QUERY_NOT_FOUND", async () => {
    const junk = "{ (";
    const first = await (await post({ query: junk, extensions: apq(junk) })).json();
    expect(first.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    const again = await (await post({ extensions: apq(junk) })).json();
    expect(again.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("answers a trusted document by its hash without registration", async () => {
    const res = await get({ extensions: apq(TRUSTED), operationName: "TrustedCouncil" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { council: { acronym: "COMPUR" } } });
  });
});

describe("a gateway without the meetings subgraph", () => {
  it("answers /documents 503 SERVICE_UNAVAILABLE, and starts", async () => {
    const res = await fetch(new URL("/documents/x/y.pdf", system.gatewayUrl));
    expect(res.status).toBe(503);
    expect((await res.json()).errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
  });
});

describe("GET and HTTP caching", () => {
  it("lets shared caches keep an anonymous query's answer as long as the gateway's cache, varying on what changes it", async () => {
    const res = await get({ query: `query($slug: String!) { council(slug: $slug) { acronym } }`, variables: { slug: "compur" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    expect(res.headers.get("vary")?.toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(["accept", "authorization"]));
    expect(await res.json()).toEqual({ data: { council: { acronym: "COMPUR" } } });
  });

  it("keeps answers to tokens, POSTs and errors out of shared caches", async () => {
    const query = `{ council(slug: "compur") { acronym } }`;
    const withToken = await get({ query }, { authorization: `Bearer ${await adminToken()}` });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get("cache-control")).toBe("private, no-store");
    expect((await post({ query })).headers.get("cache-control")).toBe("no-store");
    const invalid = await get({ query: `{ council(slug: "compur") { nope } }` });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps the edge's refusals out of shared caches too (a 404 is cacheable by default: a CDN would keep it)", async () => {
    const origin = new URL(system.gatewayUrl).origin;
    const refusals = [
      await fetch(`${origin}/nowhere`),
      await fetch(`${origin}/feeds/nowhere`),
      await get({ query: `{ __typename }`, variables: "not json" }),
      await get({ query: `{ __typename }` }, { authorization: "Bearer not.a.token" }),
    ];
    expect(refusals.map((res) => res.status)).toEqual([404, 404, 400, 401]);
    for (const res of refusals) expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a mutation by GET with 405 and Allow: POST", async () => {
    const res = await get({ query: `mutation { endMandate(input: { mandateId: "1", endsOn: "2026-01-01", expectedVersion: 1, reason: RESIGNED }) { __typename } }` });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await res.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});

describe("rate-limit information", () => {
  const budgetHeaders = (res: Response) => ({
    limit: Number(res.headers.get("x-ratelimit-limit")),
    remaining: Number(res.headers.get("x-ratelimit-remaining")),
    used: Number(res.headers.get("x-ratelimit-used")),
    reset: Number(res.headers.get("x-ratelimit-reset")),
    resource: res.headers.get("x-ratelimit-resource"),
  });

  it("tells the budget in every response's headers, spending each query's cost", async () => {
    const first = budgetHeaders(await post({ query: "{ __typename }" }));
    const second = budgetHeaders(await post({ query: "{ __typename }" }));
    expect(first).toMatchObject({ limit: PER_MINUTE, resource: "graphql" });
    expect(second.remaining).toBe(first.remaining - 1);
    expect(second.used).toBe(first.used + 1);
    expect(second.used + second.remaining).toBe(PER_MINUTE);
    expect(second.reset * 1000).toBeGreaterThan(Date.now() - 1000);
    expect(second.reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
    // 50 councils and 20 terms under each: 50 + 1,000 nodes, 11 points.
    const big = budgetHeaders(await post({ query: "{ councils(first: 50) { edges { node { terms(first: 20) { totalCount } } } } }" }));
    expect(big.used).toBe(second.used + 11);
  });

  it("answers Query.rateLimit with this request's cost, never from a cache", async () => {
    const query = `{ rateLimit { limit cost nodeCount used remaining resetAt } councils(first: 30) { totalCount } }`;
    const one = await post({ query });
    const body = await one.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.rateLimit).toMatchObject({ limit: PER_MINUTE, cost: 1, nodeCount: 30 });
    expect(body.data.rateLimit.remaining).toBe(Number(one.headers.get("x-ratelimit-remaining")));
    expect(Date.parse(body.data.rateLimit.resetAt)).toBeGreaterThan(Date.now());
    const overGet = await get({ query });
    expect(overGet.headers.get("cache-control")).toBe("no-store");
    const again = (await overGet.json()).data.rateLimit;
    expect(again.used).toBe(body.data.rateLimit.used + 1);
  });
});

describe("the rateLimit field in the schema", () => {
  it("is described, answered under an alias and in a fragment, and introspected with the rest of the graph", async () => {
    const body = await (
      await post({ query: `query { budget: rateLimit { limit } ...Rest } fragment Rest on Query { rateLimit { cost } council(slug: "compur") { acronym } }` })
    ).json();
    expect(body).toEqual({ data: { budget: { limit: PER_MINUTE }, rateLimit: { cost: 1 }, council: { acronym: "COMPUR" } } });
    const type = await (await post({ query: `{ __type(name: "RateLimit") { description fields { name description } } }` })).json();
    expect(type.data.__type.description).toContain("points per minute");
    for (const field of type.data.__type.fields) expect(field.description).toBeTruthy();
    const root = await (await post({ query: `{ __schema { queryType { fields { name description } } } }` })).json();
    const fields = root.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(["rateLimit", "council", "councils"]));
  });
});

describe("incremental delivery", () => {
  it("refuses @defer with a plain explanation", async () => {
    const res = await post({ query: `{ council(slug: "compur") { acronym ... @defer { name } } }` }, { accept: "application/graphql-response+json" });
    expect(res.status).toBe(400);
    const body = await res.json();
    // Once, without graphql-js's "Unknown directive" beside it.
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([
      "@defer is not supported: this API answers every query whole (no incremental delivery). Remove the directive.",
    ]);
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("compression", () => {
  it("compresses large answers as the client prefers, decompressing to the same JSON", async () => {
    const query = `{ councils(first: 50) { edges { node { acronym name } } } }`;
    const plain = await post({ query }, { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const expected = await plain.json();
    for (const [encoding, decode] of [
      ["gzip", promisify(gunzip)],
      ["br", promisify(brotliDecompress)],
    ] as const) {
      // Node's fetch would decompress silently: read the raw bytes with node:http.
      const { headers, body } = await raw(system.gatewayUrl, "POST", { query }, { "accept-encoding": `${encoding};q=1, identity;q=0.1` });
      expect(headers["content-encoding"]).toBe(encoding);
      expect(String(headers.vary).toLowerCase()).toContain("accept-encoding");
      expect(JSON.parse((await decode(body)).toString("utf8"))).toEqual(expected);
    }
  });

  it("compresses the IDE page, megabytes of it, with Brotli", async () => {
    const page = await raw(system.gatewayUrl, "GET", undefined, { accept: "text/html", "accept-encoding": "gzip, br" });
    expect(page.headers["content-encoding"]).toBe("br");
    const html = await promisify(brotliDecompress)(page.body);
    expect(html.toString("utf8")).toContain("<html");
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(page.body.length).toBeLessThan(html.length / 3);
  });
});

async function raw(url: string, method: string, body: unknown, headers: Record<string, string>) {
  const { request } = await import("node:http");
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method, headers: { "content-type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) })).on("error", reject);
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

// Last: it spends the budget.
describe("a query the budget cannot pay", () => {
  it("is refused whole with 429 RATE_LIMITED, Retry-After and the budget headers, charged nothing but its first point", async () => {
    const costly = "{ councils(first: 20) { edges { node { terms(first: 100) { totalCount } } } } }"; // 2,020 nodes: 21 points
    const remainingAfter = (res: Response) => Number(res.headers.get("x-ratelimit-remaining"));
    // Spend down to 1..20 points left, so that the edge admits the next request and its cost is what refuses it.
    let left = remainingAfter(await post({ query: "{ __typename }" }));
    while (left > 21) left = remainingAfter(await post({ query: costly }));
    if (left === 21) left = remainingAfter(await post({ query: "{ __typename }" }));
    expect(left).toBeGreaterThan(0);
    const refused = await post({ query: costly });
    expect(refused.status).toBe(429);
    const remaining = remainingAfter(refused);
    expect(remaining).toBe(left - 1);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await refused.json();
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.data).toBeUndefined();
    const cheap = await post({ query: "{ __typename }" });
    expect(cheap.status).toBe(remaining > 0 ? 200 : 429);
    expect(remainingAfter(cheap)).toBe(Math.max(0, remaining - 1));
  });
});
