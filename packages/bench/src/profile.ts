import "reflect-metadata";
import { readInt, readString } from "@contagem/schema";
import { GATEWAY_NODE_ARGS } from "@contagem/stack";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { load } from "./load";
import { freePort, peakRssMb, pickCouncil, ROOT, start, startApollo, type Proc } from "./processes";
import { renderProfile, summarizeProfile, type CpuProfile } from "./profile-summary";

/**
 * `npm run bench:profile [-- <scenario> …]`: where the read path's CPU goes. Starts the three subgraphs and our
 * gateway (Rust planner, response cache off) under `node --cpu-prof`, loads each scenario asked for (default
 * 1 and 2) for BENCH_SECONDS, stops them so V8 writes the profiles, and writes `bench/results/profile.md`: per
 * process, CPU per request by where the code lives and the functions with the most self time. The raw
 * `.cpuprofile` files stay in `bench/results/profiles/` for Chrome DevTools or speedscope. Uses the bench
 * database `npm run bench` seeded (BENCH_DATABASE_URL).
 */
const env = process.env;
const DATABASE_URL = readString(env, "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/contagem_bench");
const SECONDS = readInt(env, "BENCH_SECONDS", 10, 1, 600);
const WARMUP = readInt(env, "BENCH_WARMUP", 3, 0, 120);
const CONNECTIONS = readInt(env, "BENCH_CONNECTIONS", 10, 1, 500);
/** The gateway's Node flags (default: what `npm start` gives it), to try others: e.g. "--max-old-space-size=256". */
const GATEWAY_ARGS = env.BENCH_GATEWAY_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? GATEWAY_NODE_ARGS;
/** Which gateway serves the load: ours (Rust planner, no response cache) or the peer, @apollo/gateway. */
const GATEWAY = readString(env, "BENCH_PROFILE_GATEWAY", "ours");

const SCENARIOS: Record<string, { title: string; file: string; variables?: (slug: string) => Record<string, unknown> }> = {
  "1": { title: "1. third-party read (3 subgraphs)", file: "1-third-party-read.graphql" },
  "2": { title: "2. deep federated page", file: "2-deep-federated-page.graphql", variables: (slug) => ({ slug }) },
  "3": { title: "3. search", file: "3-search.graphql" },
  "4": { title: "4. participation figures", file: "4-participation-figures.graphql" },
  single: { title: "single-subgraph query", file: "single-subgraph.graphql" },
};

async function profileScenario(key: string, outDir: string): Promise<string> {
  const scenario = SCENARIOS[key];
  if (!scenario) throw new Error(`Unknown scenario ${key}: one of ${Object.keys(SCENARIOS).join(", ")}.`);
  const dir = join(outDir, `scenario-${key}`);
  await rm(dir, { recursive: true, force: true });
  const ports = Object.fromEntries(await Promise.all(["councils", "meetings", "participation", "gateway"].map(async (k) => [k, await freePort()])));
  const common = {
    COUNCILS_URL: `http://127.0.0.1:${ports.councils}/graphql`,
    MEETINGS_URL: `http://127.0.0.1:${ports.meetings}/graphql`,
    PARTICIPATION_URL: `http://127.0.0.1:${ports.participation}/graphql`,
    RATE_LIMIT_PER_MINUTE: "0",
    DATABASE_URL,
    JWT_SECRET: randomBytes(32).toString("base64url"),
    PII_KEY: randomBytes(32).toString("base64url"),
    DB_POOL_SIZE: "10",
  };
  const prof = (name: string) => ["--cpu-prof", `--cpu-prof-dir=${join(dir, name)}`];
  const procs: Proc[] = [];
  let requests = 0;
  const window = { fromUs: 0, toUs: 0 };
  const rss: Record<string, number | null> = {};
  try {
    for (const name of ["councils", "meetings", "participation"]) {
      procs.push(await start(name, `services/${name}/dist/main.js`, { ...common, [`${name.toUpperCase()}_PORT`]: String(ports[name]) }, ports[name], undefined, prof(name)));
    }
    const gateway =
      GATEWAY === "apollo"
        ? await startApollo(ports.gateway, common, prof("gateway"), "gateway")
        : await start("gateway", "gateway/dist/main.js", { ...common, PORT: String(ports.gateway), GATEWAY_QUERY_PLANNER: "rust", RESPONSE_CACHE_TTL_MS: "0" }, ports.gateway, undefined, [...GATEWAY_ARGS, ...prof("gateway")]);
    procs.push(gateway);
    const slug = scenario.variables ? await pickCouncil(gateway.url) : "";
    const query = await readFile(join(ROOT, "bench", "scenarios", scenario.file), "utf8");
    const body = JSON.stringify({ query, variables: scenario.variables?.(slug) });
    const check = (await (await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as { errors?: unknown };
    if (check.errors) throw new Error(`${scenario.title}: ${JSON.stringify(check.errors)}`);
    process.stdout.write(`  ${scenario.title}: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s…\n`);
    // Only the measured run counts (start-up, the warm-up and shutdown are left out of the summaries).
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const result = await load({ url: gateway.url, body, connections: CONNECTIONS, warmupSeconds: WARMUP, seconds: SECONDS, onMeasuredStart: () => (window.fromUs = Number(process.hrtime.bigint() / 1000n)) });
    window.toUs = Number(process.hrtime.bigint() / 1000n);
    if (window.fromUs < fromUs) throw new Error("the measured run's start was not seen");
    requests = result.requests;
    for (const p of procs) rss[p.name] = await peakRssMb(p.child.pid);
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
  }
  const sections = [`### ${scenario.title}`, "", `${requests} requests through ${GATEWAY === "apollo" ? "@apollo/gateway" : "our gateway"} in ${SECONDS} s after ${WARMUP} s of warm-up, ${CONNECTIONS} connections.`, ""];
  for (const name of ["gateway", "councils", "meetings", "participation"]) {
    const files = await readdir(join(dir, name)).catch(() => []);
    if (!files.length) {
      sections.push(`#### ${name}`, "", "No profile was written (the process did not exit cleanly).", "");
      continue;
    }
    const profile = JSON.parse(await readFile(join(dir, name, files[0]), "utf8")) as CpuProfile;
    sections.push(renderProfile(`${name} (peak RSS ${rss[name] ?? "?"} MB)`, summarizeProfile(profile, window), requests));
  }
  return sections.join("\n");
}

async function main() {
  const keys = process.argv.slice(2).length ? process.argv.slice(2) : ["1", "2"];
  const outDir = join(ROOT, "bench", "results", "profiles");
  await mkdir(outDir, { recursive: true });
  const sections: string[] = [];
  for (const key of keys) sections.push(await profileScenario(key, outDir));
  const report = [
    "# Where the CPU goes (latest `npm run bench:profile`)",
    "",
    `Generated on ${new Date().toISOString()} with Node ${process.version}, on the bench database. Self time from \`node --cpu-prof\`,`,
    "summed by where the code lives, divided by the requests answered while the profile ran (idle time left out).",
    "Profiling slows a process (sampling every ~1 ms): compare shares and places, not absolute figures with the bench.",
    "",
    ...sections,
  ].join("\n");
  await writeFile(join(ROOT, "bench", "results", "profile.md"), report);
  process.stdout.write(`\n${report}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
