import { createGateway } from "@contagem/gateway";
import { createLogger } from "@contagem/schema";
import { codesOf, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * What an operator sees of federated requests: the metrics at /metrics (gateway and subgraphs) and one access-log line
 * per request on each process, neither holding a request's variables, token or query text; /metrics closed to anyone
 * without the operator's token.
 */
const METRICS_TOKEN = "test-metrics-token-test-metrics-token-0123";
const NEEDLE = "needle-variable-7f3a9c";

let system: RunningSystem;
let supergraph: string;
let logged = "";
const logs = new Writable({
  write(chunk, _encoding, done) {
    logged += chunk;
    done();
  },
});

beforeAll(async () => {
  supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
  system = await startSystem(DEFINITIONS, supergraph, { metricsToken: METRICS_TOKEN, logs, responseCacheTtlMs: 60_000 });
});
afterAll(() => system?.stop());

const originOf = (url: string) => new URL(url).origin;
const scrape = async (url: string, token: string | null = METRICS_TOKEN) =>
  fetch(`${originOf(url)}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** The value of one series of the exposition text (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

interface AccessLine {
  service: string;
  msg: string;
  requestId: string;
  operationName?: string;
  operationType?: string;
  status: number;
  durationMs: number;
  cache?: string;
  codes?: string[];
  route: string;
}

/** The access-log lines written so far (a line is written once its response has ended: give it a moment). */
async function accessLines(): Promise<AccessLine[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return logged
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AccessLine)
    .filter((line) => line.msg === "request");
}

describe("observability", () => {
  const regional = `query RegionalCouncils { councils(first: 3, filter: { kind: REGIONAL }) { edges { node { slug territory { name } } } } }`;

  it("counts federated requests by operation, subgraph, cache result and error code at the gateway's /metrics", async () => {
    for (let i = 0; i < 2; i++) expect((await gql(system.gatewayUrl, regional)).errors).toBeUndefined();
    expect(codesOf(await gql(system.gatewayUrl, `query TooMany { councils(first: 1000) { totalCount } }`))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await gql(system.gatewayUrl, `query Broken { councilz { totalCount } }`))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect((await gql(system.gatewayUrl, `{ __typename }`)).errors).toBeUndefined();

    const res = await scrape(system.gatewayUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const requests = (labels: Record<string, string>) => sample(text, "contagem_http_request_duration_seconds_count", { route: "graphql", ...labels });
    expect(requests({ operationName: "RegionalCouncils", operationType: "query", status: "200" })).toBe(2);
    // Invalid and anonymous operations share one label; a name that did not validate is never admitted.
    expect(requests({ operationName: "(other)", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('operationName="Broken"');
    const errors = (operationName: string, code: string) => sample(text, "contagem_graphql_errors_total", { route: "graphql", operationName, code });
    expect(errors("TooMany", "BAD_USER_INPUT")).toBe(1);
    expect(errors("(other)", "GRAPHQL_VALIDATION_FAILED")).toBe(1);
    // The second RegionalCouncils was a cache hit: the councils subgraph was asked once for it.
    expect(sample(text, "graphql_gateway_subgraph_execute_duration_count", { subgraphName: "councils", operationName: "RegionalCouncils" })).toBe(1);
    expect(sample(text, "contagem_response_cache_requests_total", { result: "hit" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "contagem_response_cache_requests_total", { result: "miss" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "contagem_response_cache_entries", {})).toBeGreaterThanOrEqual(1);
    expect(sample(text, "graphql_envelop_phase_execute_count", { operationName: "RegionalCouncils" })).toBeGreaterThanOrEqual(1);
    // The process's own: event-loop lag, CPU, memory.
    for (const name of ["nodejs_eventloop_lag_seconds", "nodejs_eventloop_lag_p99_seconds", "process_cpu_user_seconds_total", "process_resident_memory_bytes"]) {
      expect(sample(text, name, {})).toBeGreaterThanOrEqual(0);
    }
  });

  it("serves each subgraph's metrics: its operations, its error codes and its database pool", async () => {
    const councils = system.subgraphs.councils;
    const text = await (await scrape(councils.url)).text();
    const served = text.split("\n").filter((line) => line.startsWith("contagem_http_request_duration_seconds_count{") && line.includes('route="graphql"'));
    expect(served.length).toBeGreaterThan(0);
    expect(sample(text, "contagem_graphql_errors_total", { route: "graphql", code: "BAD_USER_INPUT" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "contagem_db_pool_max", {})).toBeGreaterThanOrEqual(1);
    for (const state of ["in_use", "idle", "pending"]) expect(sample(text, "contagem_db_pool_connections", { state })).toBeGreaterThanOrEqual(0);
    expect(sample(text, "contagem_db_pool_waiting", {})).toBe(0);
  });

  it("writes one access-log line per request on the gateway and on each subgraph it asked, without variables, token or query text", async () => {
    const token = await mintToken({ roles: ["STAFF"] });
    const res = await gql(system.gatewayUrl, `query CouncilBySlug($slug: String!) { council(slug: $slug) { name } }`, { slug: NEEDLE }, {
      token,
      headers: { "x-request-id": "obs-request-1" },
    });
    expect(res.errors).toBeUndefined();
    const lines = (await accessLines()).filter((line) => line.requestId === "obs-request-1");
    const gateway = lines.filter((line) => line.service === "test-gateway");
    expect(gateway).toHaveLength(1);
    expect(gateway[0]).toMatchObject({ route: "graphql", operationName: "CouncilBySlug", operationType: "query", status: 200, cache: "contagem-gateway; fwd=bypass" });
    expect(typeof gateway[0].durationMs).toBe("number");
    const councils = lines.filter((line) => line.service === "test-councils");
    expect(councils.length).toBeGreaterThanOrEqual(1);
    expect(councils[0]).toMatchObject({ route: "graphql", operationType: "query", status: 200 });
    for (const secret of [NEEDLE, token, token.split(".")[1], "council(slug", "$slug"]) expect(logged).not.toContain(secret);
    const metrics = await (await scrape(system.gatewayUrl)).text();
    expect(metrics).not.toContain(NEEDLE);
  });

  it("keeps what a refused request sent out of every log line, the gateway's and each subgraph's, while logging its code", async () => {
    // The messages the client gets quote what it sent: a variable the gateway refuses, a scalar only a subgraph parses
    // (DateTime), a literal of the document. Personal data may be there (a citizen's registration refused for its
    // birth date quotes the whole input), so the log lines say the code, never the message.
    const wrongType = await gql(system.gatewayUrl, `query C($slug: String!) { council(slug: $slug) { name } }`, { slug: { cpf: `${NEEDLE}-gateway` } }, {
      headers: { "x-request-id": "obs-refused-1" },
    });
    expect(codesOf(wrongType)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(wrongType)).toContain(`${NEEDLE}-gateway`);
    const badScalar = await gql(system.gatewayUrl, `query M($from: DateTime) { meetings(first: 1, filter: { from: $from }) { totalCount } }`, { from: `${NEEDLE}-subgraph` }, {
      headers: { "x-request-id": "obs-refused-2" },
    });
    expect(codesOf(badScalar)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(badScalar)).toContain(`${NEEDLE}-subgraph`);
    const badLiteral = await gql(system.gatewayUrl, `{ council(slug: ["${NEEDLE}-literal"]) { name } }`, undefined, { headers: { "x-request-id": "obs-refused-3" } });
    expect(codesOf(badLiteral)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(JSON.stringify(badLiteral)).toContain(`${NEEDLE}-literal`);

    await accessLines();
    for (const sent of ["gateway", "subgraph", "literal"]) expect(logged).not.toContain(`${NEEDLE}-${sent}`);
    const refusals = logged
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string; requestId: string; service: string; code?: string })
      .filter((line) => line.msg === "client error");
    expect(refusals.filter((line) => line.requestId === "obs-refused-1")).toEqual([expect.objectContaining({ service: "test-gateway", code: "BAD_USER_INPUT" })]);
    expect(refusals.filter((line) => line.requestId === "obs-refused-2")).toEqual([expect.objectContaining({ service: "test-meetings", code: "BAD_USER_INPUT" })]);
    expect(refusals.filter((line) => line.requestId === "obs-refused-3")).toEqual([expect.objectContaining({ service: "test-gateway", code: "GRAPHQL_VALIDATION_FAILED" })]);
  });

  it("logs an error's code on the request's line, and the status the client got", async () => {
    await gql(system.gatewayUrl, `query TooManyAgain { councils(first: 1000) { totalCount } }`, undefined, { headers: { "x-request-id": "obs-request-2" } });
    const [line] = (await accessLines()).filter((one) => one.requestId === "obs-request-2" && one.service === "test-gateway");
    expect(line).toMatchObject({ operationName: "TooManyAgain", codes: ["BAD_USER_INPUT"] });
  });

  it("documents in the README every metric of its own that a process exposes, and exposes every metric the README names", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Observability"), readme.indexOf("**Access log.**"));
    const firstCells = table.split("\n").filter((line) => line.startsWith("| `")).map((line) => line.split(" | ")[0]);
    const documented = new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`((?:contagem|graphql)_[a-z_]+)`/g)].map((m) => m[1])));
    const scraped = [await (await scrape(system.gatewayUrl)).text(), await (await scrape(system.subgraphs.councils.url)).text()].join("\n");
    const exposed = new Set([...scraped.matchAll(/^# TYPE ((?:contagem|graphql)_[a-z_]+) /gm)].map((m) => m[1]));
    expect([...exposed].filter((name) => !documented.has(name) && !name.startsWith("graphql_envelop_phase_"))).toEqual([]);
    expect([...documented].filter((name) => !exposed.has(name))).toEqual([]);
  });

  it("answers a flood of the gateway's /readyz (public, unmetered) without passing it on to the subgraphs and their databases", async () => {
    const checks = async () => sample(await (await scrape(system.subgraphs.councils.url)).text(), "contagem_http_request_duration_seconds_count", { route: "health", status: "200" }) ?? 0;
    const origin = originOf(system.gatewayUrl);
    const before = await checks();
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${origin}/readyz`).then((res) => res.status)));
    expect(answers.every((status) => status === 200)).toBe(true);
    // Each check of the gateway asks every subgraph's /readyz, which asks its database: one check serves them all.
    expect((await checks()) - before).toBeLessThanOrEqual(2);
  });

  it("closes /metrics to anyone without the operator's token (401), on the gateway and on a subgraph", async () => {
    for (const url of [system.gatewayUrl, system.subgraphs.meetings.url]) {
      const none = await scrape(url, null);
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(codesOf((await none.json()) as never)).toEqual(["UNAUTHENTICATED"]);
      expect((await scrape(url, `${METRICS_TOKEN}x`)).status).toBe(401);
      expect((await scrape(url, await mintToken({ roles: ["ADMIN"] }))).status).toBe(401);
    }
  });

  it("answers /metrics 404, as any unknown path, when no METRICS_TOKEN is configured", async () => {
    const gateway = createGateway({ supergraph, subgraphUrls: { councils: "http://127.0.0.1:9/graphql" }, logger: createLogger("test", "silent") });
    const listening = await gateway.listen(0);
    try {
      expect((await scrape(listening.url, METRICS_TOKEN)).status).toBe(404);
      expect((await scrape(listening.url, null)).status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});
