import { councils } from "@contagem/councils";
import { freePort, freshSchemaName, gql, startSubgraph, startTcpProxy, TEST_AUTH, testDatabaseUrl, until, type RunningSubgraph, type TcpProxy } from "@contagem/testkit";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./artifacts";

/**
 * The database going away and coming back: requests get SERVICE_UNAVAILABLE (retry later) and readiness says 503
 * while it is gone, and the service recovers by itself; a service started while its database is down waits for it,
 * alive and not ready, and never exits on its own.
 */
const QUERY = `{ councils(first: 1) { totalCount } }`;


const readyz = async (url: string) => (await fetch(new URL("/readyz", url))).status;

let proxy: TcpProxy;
let proxiedUrl: string;
beforeAll(async () => {
  const target = new URL(testDatabaseUrl());
  proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  target.hostname = "127.0.0.1";
  target.port = String(proxy.port);
  proxiedUrl = target.toString();
});
afterAll(() => proxy.close());

describe("the database going away and coming back", () => {
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    subgraph = await startSubgraph(councils, { url: proxiedUrl });
  });
  afterAll(async () => {
    proxy.restore();
    await subgraph.stop();
  });

  it("answers SERVICE_UNAVAILABLE (no 5xx, nothing internal) and readiness 503 while it is gone, then recovers by itself", async () => {
    expect((await gql(subgraph.url, QUERY)).data.councils.totalCount).toBeGreaterThan(0);
    proxy.cut();
    const during = await gql(subgraph.url, QUERY);
    expect(during.status).toBeLessThan(500);
    expect(during.errors!.map((e) => e.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(during.errors![0].extensions!.requestId).toBe(during.headers.get("x-request-id"));
    expect(during.errors![0].message).not.toMatch(/ECONN|127\.0\.0\.1|select|pg_/i);
    expect(await readyz(subgraph.url)).toBe(503);

    proxy.restore();
    await until(async () => (await gql(subgraph.url, QUERY)).errors === undefined);
    expect(await readyz(subgraph.url)).toBe(200);
  });
});

describe("a service started while its database is down", () => {
  it("listens, is alive and not ready (503, saying what it waits for), answers SERVICE_UNAVAILABLE, and serves once it is up", async () => {
    proxy.cut();
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, "services/councils/dist/main.js")], {
      env: {
        ...process.env,
        DATABASE_URL: proxiedUrl,
        COUNCILS_PORT: String(port),
        COUNCILS_DB_SCHEMA: freshSchemaName("councils"),
        AUDIT_DB_SCHEMA: freshSchemaName("audit"),
        JWT_SECRET: TEST_AUTH.secret,
        JWT_ISSUER: TEST_AUTH.issuer,
        JWT_AUDIENCE: TEST_AUTH.audience,
        LOG_LEVEL: "warn",
      },
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const url = `http://127.0.0.1:${port}/graphql`;
    try {
      await until(async () => (await fetch(new URL("/healthz", url))).ok);
      const ready = await fetch(new URL("/readyz", url));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { waitingFor: string }).waitingFor).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+/);
      const early = await gql(url, QUERY);
      expect(early.status).toBe(503);
      expect(early.errors!.map((e) => e.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
      // Still waiting, still running, and saying so.
      await until(async () => /waiting for the database/.test(output), 15_000);
      expect(child.exitCode).toBeNull();

      proxy.restore();
      await until(async () => (await readyz(url)) === 200, 90_000);
      expect((await gql(url, QUERY)).data.councils.totalCount).toBeGreaterThan(0);
    } finally {
      proxy.restore();
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }, 150_000);
});
