import { freshSchemaName, gql, launchStack, until, type LaunchedStack } from "@contagem/testkit";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `npm start` degrades instead of dying: a crashed subgraph or gateway is restarted while the rest keeps serving,
 * under light load no request gets a 5xx, and answers are partial with coded errors until the service is back.
 */
const PAGE = `{ councils(first: 3) { edges { node { name nextMeeting { id } processes(first: 1) { totalCount } } } } }`;

interface Observed {
  status: number;
  names: string[];
  codes: string[];
}

/** Light load: one request every 50 ms until stopped, recording what each answered. */
function lightLoad(url: string) {
  const seen: Observed[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      try {
        const res = await gql(url, PAGE);
        seen.push({
          status: res.status,
          names: (res.data?.councils?.edges ?? []).map((e: { node: { name: string } }) => e.node.name),
          codes: (res.errors ?? []).map((e) => String(e.extensions?.code)),
        });
      } catch (error) {
        seen.push({ status: 0, names: [], codes: [`connection: ${(error as Error).message}`] });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { seen, stop: async () => ((running = false), await done) };
}


let dataDir: string;
let stack: LaunchedStack;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "contagem-supervision-"));
  const schemas = process.env.TEST_EMBEDDED_DATABASE
    ? { DATABASE_URL: undefined }
    : {
        DATABASE_URL: process.env.DATABASE_URL,
        COUNCILS_DB_SCHEMA: freshSchemaName("councils"),
        MEETINGS_DB_SCHEMA: freshSchemaName("meetings"),
        PARTICIPATION_DB_SCHEMA: freshSchemaName("participation"),
        AUDIT_DB_SCHEMA: freshSchemaName("audit"),
      };
  stack = await launchStack({ DATA_DIR: dataDir, RESPONSE_CACHE_TTL_MS: "0", RATE_LIMIT_PER_MINUTE: "0", ...schemas });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it("restarts a killed subgraph while the others serve: no 5xx, partial data with SERVICE_UNAVAILABLE, then full answers", async () => {
  const gatewayPid = stack.pidOf("gateway");
  const killed = stack.pidOf("meetings")!;
  const load = lightLoad(stack.url);
  await new Promise((r) => setTimeout(r, 500));
  process.kill(killed, "SIGKILL");
  await until(async () => stack.pidOf("meetings") !== killed);
  await until(async () => (await gql(stack.url, PAGE)).errors === undefined);
  await new Promise((r) => setTimeout(r, 500));
  await load.stop();

  expect(load.seen.filter((o) => o.status >= 500 || o.status === 0)).toEqual([]);
  const partial = load.seen.filter((o) => o.codes.length);
  expect(partial.length).toBeGreaterThan(0);
  for (const o of partial) {
    expect(o.codes.every((c) => c === "SERVICE_UNAVAILABLE")).toBe(true);
    expect(o.names).toHaveLength(3);
  }
  expect(load.seen.at(-1)!.codes).toEqual([]);
  // The gateway was never restarted: it recovered by itself.
  expect(stack.pidOf("gateway")).toBe(gatewayPid);
  expect(stack.output()).toMatch(/meetings exited \(SIGKILL\); restarting it/);
}, 120_000);

it("restarts a killed gateway, and stops cleanly on Ctrl-C within seconds", async () => {
  const killed = stack.pidOf("gateway")!;
  process.kill(killed, "SIGKILL");
  await until(async () => stack.pidOf("gateway") !== killed);
  await until(async () => (await gql(stack.url, PAGE)).errors === undefined);
  const started = Date.now();
  expect(await stack.stop()).toBe(0);
  expect(Date.now() - started).toBeLessThan(15_000);
}, 120_000);
