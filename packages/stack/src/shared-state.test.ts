import { adminToken, gql, startSystem, startTcpProxy, type RunningSystem, type TcpProxy } from "@contagem/testkit";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import { DEFINITIONS, ROOT } from "./artifacts";

/**
 * Two gateway replicas over the same subgraphs share one Redis (REDIS_URL): a mutation through one drops what it
 * changed for the other before it returns, the rate-limit budget counts across both, and Redis going away costs
 * no read its answer. Needs the machine's Redis on 127.0.0.1:6379 (CI has one); skipped, saying so, without it.
 */
const REDIS_PORT = 6379;

/** Whether Redis answers PING on 127.0.0.1:6379 (asked from a child process: jest decides what to skip synchronously). */
function redisAnswers(): boolean {
  const probe = `const s=require("net").connect(${REDIS_PORT},"127.0.0.1",()=>s.write("PING\\r\\n"));
s.on("data",(d)=>process.exit(String(d).startsWith("+PONG")?0:1));s.on("error",()=>process.exit(1));setTimeout(()=>process.exit(1),2000);`;
  return spawnSync(process.execPath, ["-e", probe], { timeout: 5000 }).status === 0;
}

const present = redisAnswers();
if (!present && process.env.CI) throw new Error(`Redis does not answer on 127.0.0.1:${REDIS_PORT}: CI runs the shared-state tests against the machine's Redis.`);
if (!present) console.warn(`Shared-state (Redis) tests skipped: nothing answers PING on 127.0.0.1:${REDIS_PORT} (apt-get install -y redis-server).`);
const describeWithRedis = present ? describe : describe.skip;

const QUERY = `{ council(slug: "compur") { id name version notes } }`;

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, cacheStatus: res.headers.get("cache-status"), remaining: res.headers.get("x-ratelimit-remaining"), body: await res.json() };
}

describeWithRedis("gateway replicas sharing Redis", () => {
  // Every key this file writes starts with its own prefix, removed at the end.
  const keyPrefix = `contagem-test-${randomUUID()}:`;
  const direct = `redis://127.0.0.1:${REDIS_PORT}`;
  let redis: Redis;
  let proxy: TcpProxy;
  let system: RunningSystem;
  let supergraph: string;

  beforeAll(async () => {
    redis = new Redis(direct);
    supergraph = await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8");
    // The replicas reach Redis through a relay the outage test cuts.
    proxy = await startTcpProxy("127.0.0.1", REDIS_PORT);
    system = await startSystem(DEFINITIONS.slice(0, 1), supergraph, {
      gateways: 2,
      responseCacheTtlMs: 60_000,
      ratePerMinute: 1000,
      redis: { url: `redis://127.0.0.1:${proxy.port}`, keyPrefix },
    });
  });

  afterAll(async () => {
    await system?.stop();
    await proxy?.close();
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("serves through B what B cached, and through B fresh at once what a mutation through A changed", async () => {
    const [a, b] = system.gatewayUrls;
    const councils = system.subgraphs.councils.sql;
    const first = await post(b, QUERY);
    expect(first.cacheStatus).toBe("contagem-gateway; fwd=miss");
    councils.reset();
    const second = await post(b, QUERY);
    expect(second.cacheStatus).toBe("contagem-gateway; hit");
    expect(second.body).toEqual(first.body);
    expect(councils.count).toBe(0);
    // A finds what B stored: the cache is one for both.
    expect((await post(a, QUERY)).cacheStatus).toBe("contagem-gateway; hit");

    const { id, version } = first.body.data.council;
    const notes = `Alterado pela réplica A ${randomUUID()}`;
    const updated = await gql(
      a,
      `mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id version notes } } }`,
      { i: { id, expectedVersion: version, notes } },
      { token: await adminToken() },
    );
    expect(updated.errors).toBeUndefined();
    // No wait: A's response returned after the answer was dropped for every replica.
    const after = await post(b, QUERY);
    expect(after.cacheStatus).toBe("contagem-gateway; fwd=miss");
    expect(after.body.data.council).toMatchObject({ notes, version: version + 1 });
    expect(await redis.keys(`${keyPrefix}response:answer:*`)).toHaveLength(1);
  });

  it("answers every read with 200 while Redis is away, and drops what a mutation meanwhile changed once it is back", async () => {
    const [a, b] = system.gatewayUrls;
    const before = await post(a, QUERY);
    expect((await post(b, QUERY)).cacheStatus).toBe("contagem-gateway; hit");
    proxy.cut();
    for (const url of [a, b, a, b]) {
      const read = await post(url, QUERY);
      expect(read.status).toBe(200);
      expect(read.body.data.council.id).toBe(before.body.data.council.id);
      expect(read.cacheStatus).toBe("contagem-gateway; fwd=bypass");
      // The budget is counted in memory meanwhile (the insurance limiter): still told.
      expect(Number(read.remaining)).toBeGreaterThan(0);
    }
    // A write while Redis is away: A owes the invalidation, and serves nothing from the cache until it pays it.
    const { id, version } = (await post(a, QUERY)).body.data.council;
    const notes = `Alterado sem Redis ${randomUUID()}`;
    const updated = await gql(
      a,
      `mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { version } } }`,
      { i: { id, expectedVersion: version, notes } },
      { token: await adminToken() },
    );
    expect(updated.errors).toBeUndefined();
    expect((await post(a, QUERY)).body.data.council.notes).toBe(notes);

    proxy.restore();
    // Once A is connected again and has paid what it owed, B is served the write, from the cache again.
    const deadline = Date.now() + 10_000;
    let read = await post(a, QUERY);
    while (read.cacheStatus === "contagem-gateway; fwd=bypass" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      read = await post(a, QUERY);
    }
    expect(read.cacheStatus).not.toBe("contagem-gateway; fwd=bypass");
    for (let i = 0; i < 50 && (await post(b, QUERY)).cacheStatus === "contagem-gateway; fwd=bypass"; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const fromB = await post(b, QUERY);
    expect(fromB.cacheStatus).toBe("contagem-gateway; hit");
    expect(fromB.body.data.council.notes).toBe(notes);
  });

  it("answers at its usual pace while Redis stalls (a frozen server, a network dropping packets), and shares the cache again after", async () => {
    const [a, b] = system.gatewayUrls;
    await post(a, QUERY);
    expect((await post(b, QUERY)).cacheStatus).toBe("contagem-gateway; hit");
    proxy.stall();
    try {
      // The first read of each replica finds Redis silent (it may wait for that once); the rest must not wait for it.
      for (const url of [a, b]) expect((await post(url, QUERY)).status).toBe(200);
      const started = performance.now();
      for (let i = 0; i < 8; i++) {
        const read = await post(i % 2 ? b : a, QUERY);
        expect(read.status).toBe(200);
        expect(read.cacheStatus).toBe("contagem-gateway; fwd=bypass");
      }
      // Waiting on Redis, each read would take its two commands' timeouts (2 × 500 ms): 8 s in all.
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      proxy.restore();
    }
    const deadline = Date.now() + 15_000;
    for (const url of [a, b]) {
      let read = await post(url, QUERY);
      while (read.cacheStatus !== "contagem-gateway; hit" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        read = await post(url, QUERY);
      }
      expect(read.cacheStatus).toBe("contagem-gateway; hit");
    }
  }, 60_000);

  it("counts one client's budget across both replicas", async () => {
    // A budget of its own (the replicas above spent from 127.0.0.1's under the other prefix).
    const limited = await startSystem(DEFINITIONS.slice(0, 1), supergraph, { gateways: 2, ratePerMinute: 6, redis: { url: direct, keyPrefix: `${keyPrefix}limited:` } });
    try {
      const [a, b] = limited.gatewayUrls;
      const seen: [number, string | null][] = [];
      for (let i = 0; i < 8; i++) {
        const res = await post(i % 2 ? b : a, "{ __typename }");
        seen.push([res.status, res.remaining]);
      }
      // Alone, each replica would have let 6 through; together they let 6 through in all.
      expect(seen).toEqual([
        [200, "5"],
        [200, "4"],
        [200, "3"],
        [200, "2"],
        [200, "1"],
        [200, "0"],
        [429, "0"],
        [429, "0"],
      ]);
    } finally {
      await limited.stop();
    }
  });

  it("starts and answers without the Redis it was given when that Redis does not answer", async () => {
    // Nothing listens on port 1: the gateway waits 2 s for it, then starts without it, and says so in its log.
    const alone = await startSystem(DEFINITIONS.slice(0, 1), supergraph, { responseCacheTtlMs: 60_000, ratePerMinute: 100, redis: { url: "redis://127.0.0.1:1", keyPrefix } });
    try {
      for (let i = 0; i < 2; i++) {
        const read = await post(alone.gatewayUrl, QUERY);
        expect(read.status).toBe(200);
        expect(read.body.data.council.id).toBeTruthy();
        expect(read.cacheStatus).toBe("contagem-gateway; fwd=bypass");
        expect(read.remaining).toBe(String(99 - i));
      }
    } finally {
      await alone.stop();
    }
  });
});
