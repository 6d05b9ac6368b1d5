import "reflect-metadata";
import { readInt, readString } from "@contagem/schema";
import { GATEWAY_NODE_ARGS, seedDemo } from "@contagem/stack";
import { SignJWT } from "jose";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, freemem, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { Client } from "pg";
import { load, mergeResults, type LoadResult } from "./load";
import { buildMix, distinctOf, type MixRequest } from "./mix";
import { answersQuery, freePort, peakRssMb, pickCouncil, ROOT, start, startApollo, type Proc } from "./processes";
import { renderReport, type Row } from "./report";
import { writeMix, type Secretary } from "./write-mix";

/**
 * `npm run bench`: seeds (once) a ×10 Contagem on the local PostgreSQL, starts the subgraphs, our gateway with each
 * query planner, @apollo/gateway over the same supergraph, and a monolith baseline, and runs every scenario against
 * them in one run on one machine, reporting ratios side by side.
 */
const env = process.env;
const DATABASE_URL = readString(env, "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/contagem_bench");
/** Seconds measured per target and scenario, over ROUNDS alternating rounds. */
const SECONDS = readInt(env, "BENCH_SECONDS", 12, 1, 600);
const ROUNDS = readInt(env, "BENCH_ROUNDS", 3, 1, 20);
const WARMUP = readInt(env, "BENCH_WARMUP", 3, 0, 120);
const CONNECTIONS = readInt(env, "BENCH_CONNECTIONS", 10, 1, 500);
const ISSUER = "contagem-bench";
const AUDIENCE = "contagem-participation-graph";

async function ensureDatabase(): Promise<string> {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(DATABASE_URL), { pathname: "/postgres" }).toString() });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (!exists.rowCount) await admin.query(`create database "${name}"`);
  await admin.end();
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const seeded = await db
    .query(`select count(*)::int as n from councils.council where notes like 'Dados sintéticos%'`)
    .then((r) => r.rows[0].n > 0)
    .catch(() => false);
  const version = (await db.query("select version()")).rows[0].version as string;
  await db.end();
  if (!seeded) {
    process.stdout.write("Seeding a ×10 Contagem (seed:demo --scale 10) into the bench database…\n");
    process.stdout.write(`${await seedDemo(DATABASE_URL, { years: 10, councils: 45, participants: 100_000, seed: 20231229 })}\n`);
  }
  return version;
}

const graphql = (file: string) => readFile(join(ROOT, "bench", "scenarios", file), "utf8");

/** A varied load: each request's body and headers in turn, and each response's headers by target. */
interface MixSource {
  next: () => { body: string; headers?: Record<string, string> };
  onHeaders: (target: Proc, headers: Record<string, string>) => void;
}

async function answer(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return (await res.json()) as { data?: unknown; errors?: unknown };
}

async function main() {
  const started = Date.now();
  const postgres = await ensureDatabase();
  const jwtSecret = randomBytes(32).toString("base64url");
  const ports = Object.fromEntries(await Promise.all(["councils", "meetings", "participation", "gatewayJs", "gatewayRust", "gatewayCached", "apollo", "monolith"].map(async (k) => [k, await freePort()])));
  const urls = {
    COUNCILS_URL: `http://127.0.0.1:${ports.councils}/graphql`,
    MEETINGS_URL: `http://127.0.0.1:${ports.meetings}/graphql`,
    PARTICIPATION_URL: `http://127.0.0.1:${ports.participation}/graphql`,
  };
  // The load comes from one client: the per-client rate limit would be measured instead of the graph.
  const common = { ...urls, RATE_LIMIT_PER_MINUTE: "0", DATABASE_URL, JWT_SECRET: jwtSecret, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, PII_KEY: randomBytes(32).toString("base64url"), DB_POOL_SIZE: "10" };
  const procs: Proc[] = [];
  try {
    for (const name of ["councils", "meetings", "participation"]) {
      procs.push(await start(name, `services/${name}/dist/main.js`, { ...common, [`${name.toUpperCase()}_PORT`]: String(ports[name]) }, ports[name]));
    }
    const [councils] = procs;
    // The gateway runs with the heap limit `npm start` gives it (GATEWAY_NODE_ARGS).
    const gatewayArgs = GATEWAY_NODE_ARGS;
    const gatewayJs = await start("gateway (Hive runtime, JS planner)", "gateway/dist/main.js", { ...common, PORT: String(ports.gatewayJs), RESPONSE_CACHE_TTL_MS: "0" }, ports.gatewayJs, undefined, gatewayArgs);
    const gatewayRust = await start("gateway (Hive runtime, Rust planner)", "gateway/dist/main.js", {
      ...common, PORT: String(ports.gatewayRust), GATEWAY_QUERY_PLANNER: "rust", RESPONSE_CACHE_TTL_MS: "0",
    }, ports.gatewayRust, undefined, gatewayArgs);
    const gatewayCached = await start("gateway (Rust planner + 5 s response cache)", "gateway/dist/main.js", {
      ...common, PORT: String(ports.gatewayCached), GATEWAY_QUERY_PLANNER: "rust", RESPONSE_CACHE_TTL_MS: "5000",
    }, ports.gatewayCached, undefined, gatewayArgs);
    procs.push(gatewayJs, gatewayRust, gatewayCached);
    const apollo = await startApollo(ports.apollo, urls);
    procs.push(apollo);
    const monolith = await start("monolith baseline (SQL)", "packages/bench/dist/monolith.js", { DATABASE_URL, PII_KEY: common.PII_KEY, PORT: String(ports.monolith) }, ports.monolith, answersQuery);
    procs.push(monolith);

    const slug = await pickCouncil(gatewayJs.url);
    const bodies = {
      s1: JSON.stringify({ query: await graphql("1-third-party-read.graphql") }),
      s2: JSON.stringify({ query: await graphql("2-deep-federated-page.graphql"), variables: { slug } }),
      s3: JSON.stringify({ query: await graphql("3-search.graphql") }),
      s4: JSON.stringify({ query: await graphql("4-participation-figures.graphql") }),
      single: JSON.stringify({ query: await graphql("single-subgraph.graphql") }),
    };

    // Equal answers first: a faster wrong answer is not faster.
    const equal: Record<string, string | true> = {};
    for (const key of ["s1", "s2", "s3", "s4"] as const) {
      const reference = await answer(gatewayJs.url, bodies[key]);
      if (reference.errors) throw new Error(`${key}: ${JSON.stringify(reference.errors)}`);
      for (const target of key === "s3" || key === "s4" ? [monolith] : [gatewayRust, gatewayCached, apollo, monolith]) {
        equal[`${key}:${target.name}`] = firstDifference((await answer(target.url, bodies[key])).data, reference.data) ?? true;
      }
    }
    const singleDirect = await answer(councils.url, bodies.single);
    equal["single:direct"] = firstDifference(singleDirect.data, (await answer(gatewayJs.url, bodies.single)).data) ?? true;

    const rows: Row[] = [];
    const subgraphPids = Object.fromEntries(procs.slice(0, 3).map((p) => [p.name, p.child.pid]));
    /**
     * A scenario's targets are measured in ROUNDS alternating rounds (A B C, A B C, …), each a warm-up and a measured
     * share of SECONDS, and each target's rounds merged: no target gains from being measured on a warmer machine.
     */
    const measure = async (scenario: string, targets: Proc[], body: string | MixSource, headers?: Record<string, string>) => {
      const runs = new Map<Proc, LoadResult[]>(targets.map((t) => [t, []]));
      for (let round = 1; round <= ROUNDS; round++) {
        for (const target of targets) {
          process.stdout.write(`  ${scenario} → ${target.name} (round ${round}/${ROUNDS})…\n`);
          // CPU of the process under load and of what it calls: the subgraphs (but the monolith calls none) and PostgreSQL.
          const called = Object.entries(subgraphPids).filter(([, pid]) => target !== monolith && pid !== target.child.pid);
          const cpuOf = { target: target.child.pid, ...Object.fromEntries(called) };
          const seconds = Math.max(1, Math.round(SECONDS / ROUNDS));
          const warmupSeconds = round === 1 ? WARMUP : Math.min(WARMUP, 1);
          const source = typeof body === "string" ? { body } : { next: body.next, onHeaders: (h: Record<string, string>) => body.onHeaders(target, h) };
          runs.get(target)!.push(await load({ url: target.url, ...source, headers, connections: CONNECTIONS, warmupSeconds, seconds, cpuOf }));
        }
      }
      for (const target of targets) rows.push({ scenario, target: target.name, result: mergeResults(runs.get(target)!) });
    };
    process.stdout.write(`Load: ${CONNECTIONS} connections; per target ${ROUNDS} alternating rounds of ${Math.round(SECONDS / ROUNDS)} s measured (${WARMUP} s warm-up first, then 1 s).\n`);
    await measure("1. third-party read (3 subgraphs)", [gatewayJs, gatewayRust, gatewayCached, apollo, monolith], bodies.s1);
    const rssAfterScenario1 = {
      js: await peakRssMb(gatewayJs.child.pid),
      rust: await peakRssMb(gatewayRust.child.pid),
      cached: await peakRssMb(gatewayCached.child.pid),
      apollo: await peakRssMb(apollo.child.pid),
    };
    await measure("2. deep federated page", [gatewayJs, gatewayRust, gatewayCached, apollo, monolith], bodies.s2);
    await measure("single-subgraph query", [gatewayJs, gatewayRust, councils], bodies.single);
    await measure("3. search", [gatewayRust, gatewayCached, monolith], bodies.s3);
    await measure("4. participation figures", [gatewayRust, gatewayCached, monolith], bodies.s4);

    // 6. The realistic mix: varied operations replayed in a fixed order, 10 % with a token.
    const mixToken = await new SignJWT({ roles: ["STAFF"] })
      .setProtectedHeader({ alg: "HS256" }).setSubject("bench-mix").setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime("2h")
      .sign(new TextEncoder().encode(jwtSecret));
    const mix = await buildMix((body) => answer(gatewayRust.url, body));
    const withToken = (m: MixRequest): Record<string, string> => (m.withToken ? { authorization: `Bearer ${mixToken}` } : {});
    const mixCheck = { requests: 0, differing: [] as string[] };
    for (const m of distinctOf(mix)) {
      const reference = await answer(gatewayRust.url, m.body, withToken(m));
      if (reference.errors) throw new Error(`mix ${m.kind}: ${JSON.stringify(reference.errors)}`);
      // Twice through the cache: the second answer is the cached one.
      for (const target of [gatewayCached, gatewayCached, apollo]) {
        mixCheck.requests++;
        const difference = firstDifference((await answer(target.url, m.body, withToken(m))).data, reference.data);
        if (difference) mixCheck.differing.push(`${target.name}, ${m.kind}: ${difference}`);
      }
    }
    let cursor = 0;
    const cacheStatus = { hit: 0, other: 0 };
    await measure("6. realistic mix (varied reads, 10 % with a token)", [gatewayRust, gatewayCached, apollo], {
      next: () => {
        const m = mix[cursor++ % mix.length];
        return { body: m.body, headers: withToken(m) };
      },
      onHeaders: (target, headers) => {
        if (target !== gatewayCached) return;
        if (headers["cache-status"]?.endsWith("; hit")) cacheStatus.hit++;
        else cacheStatus.other++;
      },
    });

    process.stdout.write("  5. secretary write mix…\n");
    const secretaries = await secretariesOf(gatewayJs.url, jwtSecret, 4);
    const writes = await writeMix(gatewayRust.url, secretaries, SECONDS);
    rows.push({ scenario: `5. secretary write mix (${secretaries.length} secretaries)`, target: gatewayRust.name, result: writes });

    const rss = Object.fromEntries(await Promise.all(procs.map(async (p) => [p.name, await peakRssMb(p.child.pid)])));
    const startup = await measureStartup();
    const report = renderReport({
      rows,
      equal,
      rssAfterScenario1,
      rss,
      startup,
      mixByOperation: writes.byOperation,
      realisticMix: { distinct: distinctOf(mix).length, length: mix.length, checked: mixCheck.requests, differing: mixCheck.differing, hitRatio: cacheStatus.hit / Math.max(1, cacheStatus.hit + cacheStatus.other) },
      machine: {
        cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
        memory: `${Math.round(totalmem() / 2 ** 30)} GB (${Math.round(freemem() / 2 ** 30)} GB free)`,
        node: process.version,
        postgres: postgres.split(",")[0],
        versions: await versions(),
        settings: `${CONNECTIONS} connections; ${SECONDS} s measured per target in ${ROUNDS} alternating rounds (${WARMUP} s warm-up first, 1 s after)`,
      },
      seconds: (Date.now() - started) / 1000,
    });
    process.stdout.write(`\n${report}\n`);
    await mkdir(join(ROOT, "bench", "results"), { recursive: true });
    await writeFile(join(ROOT, "bench", "results", "latest.md"), report);
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
  }
}

/** Where two answers first differ (a JSON path and both values), or undefined when they are deeply equal. */
function firstDifference(actual: unknown, expected: unknown, path = "data"): string | undefined {
  if (isDeepStrictEqual(actual, expected)) return undefined;
  if (actual && expected && typeof actual === "object" && typeof expected === "object" && Array.isArray(actual) === Array.isArray(expected)) {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
      const found = firstDifference(a[k], e[k], Array.isArray(actual) ? `${path}[${k}]` : `${path}.${k}`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(actual)?.slice(0, 120)} instead of ${JSON.stringify(expected)?.slice(0, 120)}`;
}

async function secretariesOf(url: string, secret: string, count: number): Promise<Secretary[]> {
  const res = await answer(url, JSON.stringify({ query: `{ councils(first: ${count}, filter: { search: "sintetico" }) { edges { node { id slug currentTerm { startsOn seats { mandates { id role } } } } } } }` }));
  const councils = (res.data as { councils: { edges: { node: { id: string; slug: string; currentTerm: { startsOn: string; seats: { mandates: { id: string; role: string }[] }[] } } }[] } }).councils.edges;
  return Promise.all(
    councils.map(async ({ node }) => ({
      councilId: node.id,
      token: await new SignJWT({ roles: ["SECRETARY"], councils: [node.slug] })
        .setProtectedHeader({ alg: "HS256" }).setSubject(`bench-${node.slug}`).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime("2h")
        .sign(new TextEncoder().encode(secret)),
      titulars: node.currentTerm.seats.flatMap((s) => s.mandates.filter((m) => m.role === "FULL_MEMBER").map((m) => m.id)),
      from: Math.max(Date.parse(node.currentTerm.startsOn) + 86_400_000, Date.now() - 20 * 86_400_000),
    })),
  );
}

/** `npm start` to first answered query, on the embedded database: a fresh data directory, then a restart. */
async function measureStartup(): Promise<{ first: number; warm: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), "bench-start-"));
  const once = async () => {
    const port = await freePort();
    const ports = Object.fromEntries(await Promise.all(["COUNCILS_PORT", "MEETINGS_PORT", "PARTICIPATION_PORT"].map(async (k) => [k, String(await freePort())])));
    const t0 = performance.now();
    const { spawn } = await import("node:child_process");
    const stackEnv: NodeJS.ProcessEnv = { ...process.env, ...ports, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    delete stackEnv.DATABASE_URL;
    const child = spawn("npm", ["start", "--silent"], { cwd: ROOT, env: stackEnv, stdio: "ignore", detached: true });
    const url = `http://127.0.0.1:${port}/graphql`;
    const deadline = Date.now() + 120_000;
    let elapsed = NaN;
    while (Date.now() < deadline) {
      const ok = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ councils(first: 1) { totalCount } }" }) })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) {
        elapsed = (performance.now() - t0) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(-child.pid!, "SIGINT");
    await new Promise((r) => child.once("exit", r));
    return elapsed;
  };
  try {
    return { first: await once(), warm: await once() };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function versions(): Promise<string> {
  const read = async (pkg: string) => JSON.parse(await readFile(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version as string;
  const names = ["@graphql-hive/gateway-runtime", "@graphql-hive/router-runtime", "@apollo/gateway", "@apollo/server", "graphql", "@mikro-orm/core", "type-graphql"];
  return (await Promise.all(names.map(async (n) => `${n} ${await read(n)}`))).join(", ");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
