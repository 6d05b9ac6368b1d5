import { councils } from "@contagem/councils";
import { freePort, freshSchemaName, startSubgraph, TEST_AUTH } from "@contagem/testkit";
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Client } from "pg";
import { ROOT } from "./artifacts";
import { GATEWAY_NODE_ARGS } from "./launcher";

/**
 * A process told to stop (SIGTERM, as an orchestrator or a rolling restart does) stops taking connections, answers
 * the request it is serving, and exits 0. Two libraries used to cut that short on their own SIGTERM handlers: Apollo
 * Server in a subgraph (stopped, then sent the signal again, which killed the process) and the gateway runtime
 * (disposed at once, aborting the operations in flight).
 */
const SECRETS = { PII_KEY: "test-pii-key-test-pii-key-test-pii-key-0123", JWT_SECRET: "test-secret-test-secret-test-secret-0123456789" };

/**
 * Starts `script`, sends a request, sends SIGTERM while it is served, and returns what came of both. `split`: the
 * request's body is half sent at the signal, the rest after it; otherwise it is sent whole first (`slow` ms before).
 */
async function stopWhileServing(script: string, env: NodeJS.ProcessEnv, port: number, ready: string, query: string, options: { nodeArgs?: string[]; split?: boolean } = {}) {
  const nodeArgs = options.nodeArgs ?? [];
  let log = "";
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", LOG_LEVEL: "info", ...SECRETS, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  try {
    const deadline = Date.now() + 60_000;
    while (!log.includes(ready)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not ready:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const body = JSON.stringify({ query });
    // A request in flight: its headers and part of its body sent; the rest comes after the signal.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      if (!options.split) {
        req.end(body);
        setTimeout(() => child.kill("SIGTERM"), 300);
        return;
      }
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    return { answer, exit: await exited, log };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  }
}

it("a subgraph answers the request it is serving when SIGTERM arrives, then exits 0", async () => {
  const port = await freePort();
  const schema = freshSchemaName("councils");
  const auditSchema = freshSchemaName("audit");
  try {
    const env = { DATABASE_URL: process.env.DATABASE_URL, COUNCILS_DB_SCHEMA: schema, AUDIT_DB_SCHEMA: auditSchema, COUNCILS_PORT: String(port) };
    const { answer, exit, log } = await stopWhileServing("services/councils/dist/main.js", env, port, "councils subgraph ready", "{ councils(first: 1) { totalCount } }", { split: true });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.councils.totalCount).toBeGreaterThan(0);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(log).toContain('"msg":"stopping"');
  } finally {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.query(`drop schema if exists "${auditSchema}" cascade`);
    await client.end();
  }
}, 90_000);

it("a gateway answers the request it is serving when SIGTERM arrives, then exits 0", async () => {
  const councilsSubgraph = await startSubgraph(councils);
  const target = new URL(councilsSubgraph.url);
  // The councils subgraph behind a relay that takes a second: the gateway's operation is in flight at the signal
  // (sent 300 ms before it).
  const relay = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () =>
      setTimeout(() => {
        const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.end(Buffer.concat(chunks));
      }, 1000),
    );
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  try {
    const port = await freePort();
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const through = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/graphql`;
    const env = { PORT: String(port), COUNCILS_URL: through, MEETINGS_URL: nowhere, PARTICIPATION_URL: nowhere, RATE_LIMIT_PER_MINUTE: "0", JWT_SECRET: TEST_AUTH.secret, JWT_ISSUER: TEST_AUTH.issuer, JWT_AUDIENCE: TEST_AUTH.audience };
    const { answer, exit, log } = await stopWhileServing("gateway/dist/main.js", env, port, "gateway listening", `{ council(slug: "compur") { slug } }`, { nodeArgs: GATEWAY_NODE_ARGS });
    expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({ status: 200, body: { data: { council: { slug: "compur" } } } });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(log).toContain('"msg":"stopping"');
  } finally {
    await new Promise((resolve) => relay.close(resolve));
    await councilsSubgraph.stop();
  }
}, 90_000);
