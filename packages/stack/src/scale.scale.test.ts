import { adminToken, TEST_AUTH, TEST_SECRETS } from "@contagem/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { Agent, request } from "node:http";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { Client } from "pg";
import { ROOT } from "./artifacts";
import { GATEWAY_NODE_ARGS } from "./launcher";

/**
 * `npm run test:scale` (not part of `npm test`): the built services as separate processes, 2 gateways and 2 replicas
 * of each subgraph, behind HAProxy running the shipped deploy/haproxy/haproxy.cfg, over the machine's PostgreSQL (a
 * database of this run's own, dropped after) and Redis (an empty logical database, emptied after). It shows what an
 * operator scaling out relies on: reads spread over the replicas, a write through one gateway read back fresh through
 * the other, one rate-limit budget across the gateways, no acknowledged write lost and no 5xx when a replica of each
 * subgraph is killed under load, and no failed request during a rolling restart of every process.
 */
const HAPROXY = process.env.HAPROXY ?? "/usr/sbin/haproxy";
const KINDS = ["councils", "meetings", "participation"] as const;
const RATE_LIMIT = 1000;
const SERVER_URL = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** REDIS_URL with logical database `db` (whatever database it named). */
const redisIn = (db: number) => Object.assign(new URL(REDIS_URL), { pathname: `/${db}` }).href;

if (!existsSync(HAPROXY)) {
  throw new Error(`HAProxy is not installed (${HAPROXY}): the scale test runs a real load balancer. Install it with: apt-get update && apt-get install -y haproxy`);
}

/** One process of the system: a gateway or a subgraph replica, started again on the same port after it stops. */
class Replica {
  child?: ChildProcess;
  log = "";
  constructor(
    readonly name: string,
    readonly script: string,
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
    readonly nodeArgs: string[] = [],
  ) {}

  start() {
    const child = spawn(process.execPath, [...this.nodeArgs, join(ROOT, this.script)], { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (d) => (this.log = (this.log + d).slice(-20_000)));
    child.stderr!.on("data", (d) => (this.log = (this.log + d).slice(-20_000)));
    this.child = child;
  }

  /** Sends `signal` and resolves once the process has exited. */
  stop(signal: NodeJS.Signals) {
    const child = this.child;
    return new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request with node:http, from `localAddress` (127.0.0.0/8: each is a client of its own to the rate limit). */
function call(url: string, options: { method?: string; body?: unknown; headers?: Record<string, string>; localAddress?: string } = {}): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload ? "POST" : "GET"),
        agent,
        localAddress: options.localAddress,
        headers: { accept: "application/json", ...(payload ? { "content-type": "application/json" } : {}), ...options.headers },
        timeout: 30_000,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: kept as text (an HAProxy error page, say)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} in 30 s`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/** HAProxy's statistics, one row per server: requests it sent there (`stot`) and the health it sees (`status`). */
async function haproxyStats(statsUrl: string): Promise<Map<string, { stot: number; scur: number; status: string }>> {
  const { body } = await call(statsUrl);
  const [header, ...rows] = String(body).trim().split("\n");
  const columns = header.replace(/^# /, "").split(",");
  const at = (name: string) => columns.indexOf(name);
  const servers = new Map<string, { stot: number; scur: number; status: string }>();
  for (const row of rows) {
    const cells = row.split(",");
    if (["FRONTEND", "BACKEND"].includes(cells[at("svname")])) continue;
    servers.set(cells[at("svname")], { stot: Number(cells[at("stot")]), scur: Number(cells[at("scur")]), status: cells[at("status")] });
  }
  return servers;
}

/** One command of HAProxy's runtime API (its stats socket), e.g. `set server councils/councils1 state drain`. */
function haproxyCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = connect(socketPath, () => socket.end(`${command}\n`));
    socket.on("data", (d) => (answer += d));
    socket.on("end", () => resolve(answer.trim()));
    socket.on("error", reject);
  });
}

/** `n` distinct free ports: held open together while they are chosen, so no two are the same. */
async function freePorts(n: number): Promise<number[]> {
  const held: Server[] = [];
  for (let i = 0; i < n; i++) held.push(await new Promise<Server>((resolve) => { const server = createServer().listen(0, "127.0.0.1", () => resolve(server)); }));
  const ports = held.map((server) => (server.address() as { port: number }).port);
  await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, condition: () => Promise<boolean>, ms: number, detail: () => string = () => ""): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${ms} ms\n${detail()}`);
}

/** A read that asks every subgraph (a token: never answered from the response cache, so it reaches the replicas). */
const SPREAD_QUERY = "{ councils(first: 2) { totalCount } meetings(first: 2) { totalCount } processes(first: 2) { totalCount } }";
const COUNCIL_QUERY = `{ council(slug: "compur") { id name version notes } }`;
const CREATE_COUNCIL = "mutation($i: CreateCouncilInput!) { createCouncil(input: $i) { council { id slug name } } }";

describe("scale-out: 2 gateways and 2 replicas of each subgraph behind HAProxy", () => {
  const database = `contagem_scale_${randomBytes(4).toString("hex")}`;
  let redisDb = -1;
  let dir: string;
  let haproxy: ChildProcess | undefined;
  let haproxyLog = "";
  const replicas: Replica[] = [];
  const lb: Record<string, number> = {};
  let publicUrl: string;
  let statsUrl: string;
  let gateways: Replica[];
  let token: string;
  let databaseUrl: string;
  let socketPath: string;

  const servers = (kind: string) => replicas.filter((r) => r.name.startsWith(kind));
  const logs = () => [`haproxy: ${haproxyLog.slice(-20_000)}`, ...replicas.map((r) => `${r.name}: ${r.log.slice(-5000)}`)].join("\n");
  /** Resolves once HAProxy's probes of /readyz see `names` up. */
  const upInHaproxy = (names: string[], ms = 90_000) =>
    waitFor(`${names.join(", ")} up in HAProxy`, async () => {
      const stats = await haproxyStats(statsUrl);
      return names.every((name) => stats.get(name)?.status === "UP");
    }, ms, logs);

  beforeAll(async () => {
    const admin = new Client({ connectionString: SERVER_URL.href });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const redis = new Redis(REDIS_URL, { lazyConnect: true });
    await redis.connect();
    // A logical database nothing else uses, so the gateways' keys (fixed prefix) meet no one else's.
    for (let db = 15; db >= 1 && redisDb < 0; db--) {
      await redis.select(db);
      if ((await redis.dbsize()) === 0) redisDb = db;
    }
    redis.disconnect();
    if (redisDb < 0) throw new Error("no empty Redis logical database (1–15) to run in");

    dir = await mkdtemp(join(tmpdir(), "contagem-scale-"));
    const ports = await freePorts(5 + 2 * KINDS.length + 2);
    for (const name of ["public", "stats", ...KINDS]) lb[name] = ports.shift()!;
    publicUrl = `http://127.0.0.1:${lb.public}/graphql`;
    statsUrl = `http://127.0.0.1:${lb.stats}/stats;csv`;
    const url = new URL(SERVER_URL.href);
    url.pathname = `/${database}`;
    databaseUrl = url.href;
    const common: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      DB_POOL_SIZE: "4",
      PII_KEY: TEST_SECRETS.PII_KEY,
      JWT_SECRET: TEST_AUTH.secret,
      JWT_ISSUER: TEST_AUTH.issuer,
      JWT_AUDIENCE: TEST_AUTH.audience,
      ...Object.fromEntries(KINDS.map((kind) => [`${kind.toUpperCase()}_URL`, `http://127.0.0.1:${lb[kind]}/graphql`])),
    };
    const haproxyEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      LB_SOCKET: (socketPath = join(dir, "haproxy.sock")),
      LB_PUBLIC: `127.0.0.1:${lb.public}`,
      LB_STATS: `127.0.0.1:${lb.stats}`,
    };
    for (const kind of KINDS) {
      haproxyEnv[`LB_${kind.toUpperCase()}`] = `127.0.0.1:${lb[kind]}`;
      for (const i of [1, 2]) {
        const port = ports.shift()!;
        replicas.push(new Replica(`${kind}${i}`, `services/${kind}/dist/main.js`, port, { ...common, [`${kind.toUpperCase()}_PORT`]: String(port) }));
        haproxyEnv[`${kind.toUpperCase()}_${i}`] = `127.0.0.1:${port}`;
      }
    }
    for (const i of [1, 2]) {
      const port = ports.shift()!;
      const env = {
        ...common,
        PORT: String(port),
        REDIS_URL: redisIn(redisDb),
        RESPONSE_CACHE_TTL_MS: "60000",
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        TRUST_PROXY: "true",
      };
      replicas.push(new Replica(`gateway${i}`, "gateway/dist/main.js", port, env, GATEWAY_NODE_ARGS));
      haproxyEnv[`GATEWAY_${i}`] = `127.0.0.1:${port}`;
    }
    gateways = servers("gateway");
    // The load balancer runs the shipped configuration, in the foreground (-db), as a child of this test.
    haproxy = spawn(HAPROXY, ["-db", "-f", join(ROOT, "deploy", "haproxy", "haproxy.cfg")], { env: haproxyEnv, stdio: ["ignore", "pipe", "pipe"] });
    haproxy.stdout!.on("data", (d) => (haproxyLog += d));
    haproxy.stderr!.on("data", (d) => (haproxyLog += d));
    // The subgraphs first (they migrate one at a time, under a lock), then the gateways.
    for (const replica of replicas) replica.start();
    await upInHaproxy(replicas.map((r) => r.name), 150_000);
    token = await adminToken();
  }, 180_000);

  afterAll(async () => {
    agent.destroy();
    // Every process's last output, for whoever reads a failure.
    const kept = join(tmpdir(), `${database}.log`);
    await writeFile(kept, logs());
    process.stdout.write(`The processes' last output: ${kept}\n`);
    await Promise.all(replicas.map((replica) => replica.stop("SIGKILL")));
    if (haproxy && haproxy.exitCode === null) {
      const exited = new Promise((resolve) => haproxy!.once("exit", resolve));
      haproxy.kill("SIGKILL");
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
    if (redisDb >= 0) {
      const redis = new Redis(redisIn(redisDb));
      const keys = await redis.keys("contagem:*");
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    const admin = new Client({ connectionString: SERVER_URL.href });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }, 60_000);

  const read = (query: string, localAddress?: string) =>
    call(`${publicUrl}?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${token}` }, localAddress });

  it("spreads reads over both replicas of every kind", async () => {
    const before = await haproxyStats(statsUrl);
    for (let i = 0; i < 24; i++) {
      const res = await read(SPREAD_QUERY);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    }
    const after = await haproxyStats(statsUrl);
    const served = Object.fromEntries(replicas.map((r) => [r.name, after.get(r.name)!.stot - before.get(r.name)!.stot]));
    for (const replica of replicas) expect(served[replica.name]).toBeGreaterThan(0);
    // Round robin: the 24 reads went 12 and 12 to the gateways.
    expect(served.gateway1 + served.gateway2).toBe(24);
    expect(Math.abs(served.gateway1 - served.gateway2)).toBeLessThanOrEqual(1);
  });

  it("reads back through gateway B, at once, what a mutation through gateway A wrote (one cache, in Redis)", async () => {
    const [a, b] = gateways.map((g) => `http://127.0.0.1:${g.port}/graphql`);
    const get = (url: string) => call(`${url}?query=${encodeURIComponent(COUNCIL_QUERY)}`);
    const first = await get(b);
    expect(first.status).toBe(200);
    const cached = await get(b);
    expect(cached.headers["cache-status"]).toBe("contagem-gateway; hit");
    // A finds what B stored.
    expect((await get(a)).headers["cache-status"]).toBe("contagem-gateway; hit");
    const { id, version } = first.body.data.council;
    const notes = `Escrito pelo gateway A ${randomUUID()}`;
    const written = await call(a, {
      body: { query: "mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { version notes } } }", variables: { i: { id, expectedVersion: version, notes } } },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(written.body.errors).toBeUndefined();
    // No wait: the mutation's answer came after the cached answer was dropped for both gateways.
    const after = await get(b);
    expect(after.headers["cache-status"]).toBe("contagem-gateway; fwd=miss");
    expect(after.body.data.council).toMatchObject({ notes, version: version + 1 });
  });

  it("counts one client's rate-limit budget across both gateways", async () => {
    const [a, b] = gateways.map((g) => `http://127.0.0.1:${g.port}/graphql`);
    // A client of its own (the gateways trust X-Forwarded-For, as behind HAProxy, which overwrites it).
    const client = `198.51.100.${1 + (randomBytes(1)[0] % 250)}`;
    // 50 + 50 × 20 nodes: 11 points a request.
    const costly = "{ councils(first: 50) { edges { node { terms(first: 20) { totalCount } } } } }";
    const seen: { via: string; status: number; used: number }[] = [];
    for (let i = 0; i < 200; i++) {
      const via = i % 2 ? "B" : "A";
      const res = await call(`${via === "A" ? a : b}?query=${encodeURIComponent(costly)}`, { headers: { "x-forwarded-for": client } });
      seen.push({ via, status: res.status, used: Number(res.headers["x-ratelimit-used"]) });
      if (res.status === 429 && seen.filter((s) => s.status === 429).length === 2) break;
    }
    const admitted = seen.filter((s) => s.status === 200);
    // One budget: what each request spent is added to what the other gateway's requests spent.
    expect(admitted.map((s) => s.used)).toEqual(admitted.map((_, k) => 11 * (k + 1)));
    expect(admitted.length).toBe(Math.floor(RATE_LIMIT / 11));
    expect(new Set(admitted.map((s) => s.via))).toEqual(new Set(["A", "B"]));
    // Refused by both, once the budget they share is spent: alone, each would have admitted as many again.
    expect(seen.slice(-2).map((s) => [s.via, s.status]).sort()).toEqual([["A", 429], ["B", 429]]);
  });

  /** Reads and writes through the load balancer until `stop` is called, from many client addresses; every answer kept. */
  function load(workers = 3) {
    let running = true;
    const failures: string[] = [];
    const acknowledged: { slug: string; name: string }[] = [];
    let reads = 0;
    let writes = 0;
    let n = 0;
    const from = () => `127.0.0.${2 + (n++ % 250)}`;
    const loop = async (w: number) => {
      while (running) {
        const answer = await read(SPREAD_QUERY, from()).catch((error: Error) => ({ status: 0, headers: {}, body: error.message }) as Answer);
        reads++;
        if (answer.status !== 200 || answer.body?.errors) failures.push(`read: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        // A write with an idempotency key, repeated (same key, same input) until it is acknowledged.
        const name = `Conselho de carga ${w}-${randomUUID()}`;
        const input = { name, kind: "POLICY", idempotencyKey: randomUUID() };
        for (let attempt = 0; attempt < 5; attempt++) {
          const res = await call(publicUrl, { body: { query: CREATE_COUNCIL, variables: { i: input } }, headers: { authorization: `Bearer ${token}` }, localAddress: from() }).catch(
            (error: Error) => ({ status: 0, headers: {}, body: error.message }) as Answer,
          );
          writes++;
          if (res.status === 200 && !res.body?.errors && res.body?.data?.createCouncil) {
            acknowledged.push({ slug: res.body.data.createCouncil.council.slug, name });
            break;
          }
          failures.push(`write: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
        }
      }
    };
    const done = Promise.all(Array.from({ length: workers }, (_, w) => loop(w)));
    return {
      failures,
      acknowledged,
      counts: () => ({ reads, writes }),
      async stop() {
        running = false;
        await done;
      },
    };
  }

  /** Every acknowledged write is there, read through the load balancer (25 a request: the alias limit is 30; each from a client address of its own). */
  async function expectAllReadable(acknowledged: { slug: string; name: string }[]) {
    const missing: string[] = [];
    for (let at = 0; at < acknowledged.length; at += 25) {
      const batch = acknowledged.slice(at, at + 25);
      const query = `{ ${batch.map(({ slug }, i) => `c${i}: council(slug: ${JSON.stringify(slug)}) { name }`).join(" ")} }`;
      const res = await call(publicUrl, { body: { query }, headers: { authorization: `Bearer ${token}` }, localAddress: `127.0.1.${1 + (at / 25) % 250}` });
      batch.forEach(({ slug, name }, i) => {
        if (res.body?.data?.[`c${i}`]?.name !== name) missing.push(`${slug}: ${res.status} ${JSON.stringify(res.body?.data?.[`c${i}`] ?? res.body?.errors).slice(0, 200)}`);
      });
    }
    expect(missing).toEqual([]);
  }

  /** How many councils the load wrote, by name, in the database itself: a write repeated with its key is one row. */
  async function rowsByName(): Promise<Map<string, number>> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: number }>(`select name, count(*)::int as n from councils.council where name like 'Conselho de carga %' group by name`);
      return new Map(rows.map((r) => [r.name, r.n]));
    } finally {
      await client.end();
    }
  }

  it("loses no acknowledged write and answers no 5xx while a replica of each subgraph is killed (SIGKILL)", async () => {
    const traffic = load();
    const victims = KINDS.map((kind) => servers(kind)[0]);
    try {
      await sleep(2000);
      for (const victim of victims) {
        await victim.stop("SIGKILL");
        await sleep(500);
      }
      await sleep(4000);
    } finally {
      await traffic.stop();
      // Back for the next test.
      for (const victim of victims) if (victim.child?.exitCode !== null || victim.child?.signalCode !== null) victim.start();
      for (const victim of victims) await waitFor(`${victim.name} ready`, async () => (await call(`http://127.0.0.1:${victim.port}/readyz`)).status === 200, 90_000, logs);
    }
    const { reads, writes } = traffic.counts();
    process.stdout.write(`SIGKILL phase: ${reads} reads, ${writes} write attempts, ${traffic.acknowledged.length} acknowledged; not answered at once: ${JSON.stringify(traffic.failures)}\n`);
    // Not one 5xx nor a dropped connection; every read answered whole (the gateway asked another replica).
    expect(traffic.failures.filter((f) => !f.startsWith("write: 200 "))).toEqual([]);
    // A write whose replica died under it was told SERVICE_UNAVAILABLE (HTTP 200, the closed set's code), never
    // acknowledged, and repeated with its key until it was.
    for (const failure of traffic.failures) expect(JSON.parse(failure.slice("write: 200 ".length)).errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(traffic.acknowledged.length).toBeGreaterThan(10);
    await expectAllReadable(traffic.acknowledged);
    // Each acknowledged write is one row, even when its first attempt was committed and then lost with its replica.
    const rows = await rowsByName();
    expect(traffic.acknowledged.filter(({ name }) => rows.get(name) !== 1)).toEqual([]);
    await upInHaproxy(victims.map((v) => v.name));
  }, 120_000);

  it("keeps reading when a gateway is killed (SIGKILL); a write it was serving fails, and is written once on repeat", async () => {
    const traffic = load();
    const victim = gateways[0];
    try {
      await sleep(1500);
      await victim.stop("SIGKILL");
      await sleep(3000);
    } finally {
      await traffic.stop();
      victim.start();
      await waitFor(`${victim.name} ready`, async () => (await call(`http://127.0.0.1:${victim.port}/readyz`)).status === 200, 90_000, logs);
    }
    const { reads, writes } = traffic.counts();
    process.stdout.write(`Gateway SIGKILL: ${reads} reads, ${writes} write attempts, ${traffic.acknowledged.length} acknowledged; not answered at once: ${JSON.stringify(traffic.failures)}\n`);
    // Reads are GETs: HAProxy sends one the dead gateway took to the other gateway.
    expect(traffic.failures.filter((f) => f.startsWith("read"))).toEqual([]);
    // A POST the gateway had taken may have been committed: HAProxy does not send it twice; it answers 502 or closes
    // the client's connection, and the client repeats the write with its idempotency key. Only that, and only for the
    // writes in flight at the kill (3 clients).
    expect(traffic.failures.length).toBeLessThanOrEqual(3);
    for (const failure of traffic.failures) expect(failure).toMatch(/^write: (502 |0 "socket hang up")/);
    await expectAllReadable(traffic.acknowledged);
    const rows = await rowsByName();
    expect(traffic.acknowledged.filter(({ name }) => rows.get(name) !== 1)).toEqual([]);
    await upInHaproxy([victim.name]);
  }, 120_000);

  it("serves throughout a rolling restart of every process (drained in HAProxy, SIGTERM, one at a time), without a failed request", async () => {
    const traffic = load();
    await sleep(1000);
    for (const replica of replicas) {
      // Out of HAProxy's rotation first (its runtime API), until what it had sent there is answered: a process that
      // closes its listening socket resets the connections HAProxy opened a moment before it accepted them, and a
      // POST sent on one is not sent again (it might have been a committed mutation).
      const server = `${replica.name.replace(/\d$/, "")}/${replica.name}`;
      expect(await haproxyCommand(socketPath, `set server ${server} state drain`)).toBe("");
      await waitFor(`${replica.name} drained`, async () => (await haproxyStats(statsUrl)).get(replica.name)?.scur === 0, 30_000, logs);
      await replica.stop("SIGTERM");
      expect({ [replica.name]: replica.child!.exitCode }).toEqual({ [replica.name]: 0 });
      replica.start();
      // Serving again (its own /readyz), then back in HAProxy's rotation, before the next one stops.
      await waitFor(`${replica.name} ready`, async () => (await call(`http://127.0.0.1:${replica.port}/readyz`)).status === 200, 90_000, logs);
      expect(await haproxyCommand(socketPath, `set server ${server} state ready`)).toBe("");
      await upInHaproxy([replica.name]);
    }
    await sleep(1000);
    await traffic.stop();
    const { reads, writes } = traffic.counts();
    process.stdout.write(`Rolling restart: ${reads} reads, ${writes} writes, ${traffic.acknowledged.length} acknowledged, ${traffic.failures.length} failed\n`);
    expect(traffic.failures).toEqual([]);
    await expectAllReadable(traffic.acknowledged);
    const rows = await rowsByName();
    expect(traffic.acknowledged.filter(({ name }) => rows.get(name) !== 1)).toEqual([]);
  }, 150_000);
});
