import { DecidimStandin } from "@contagem/decidim-standin";
import { createLogger } from "@contagem/schema";
import { createTestDatabase, freshSchemaName, testDatabaseUrl, type TestDatabase } from "@contagem/testkit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { participation } from "../definition";
import { contagemSnapshot } from "./decidim.fixtures";
import type { DecidimSnapshot } from "./records";
import { runDecidimSync, startDecidimSync, STOPPED } from "./sync";
import { readDecidimSyncConfig } from "./sync.config";
import { DecidimSyncRunEntity } from "./sync-run.entity";

/** The scheduled sync (issue 17): a failed read changes nothing, and one sync runs at a time on the webhooks' queue. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(participation, { seed: false });
});
afterAll(() => db.drop().then(() => db.orm.close()));

const em = () => db.orm.em.fork() as EntityManager;
const imported = async () =>
  (await em().execute<{ n: number }[]>(`select ((select count(*) from "${db.schema}".proposal) + (select count(*) from "${db.schema}".process) + (select count(*) from "${db.schema}".assembly_meeting))::int as n`))[0].n;

describe("Decidim sync job", () => {
  it("is off unless DECIDIM_API_URL is set, and checks its settings", () => {
    expect(readDecidimSyncConfig({})).toBeNull();
    expect(readDecidimSyncConfig({ DECIDIM_API_URL: "https://decidim.contagem.mg.gov.br/api" })).toEqual({
      apiUrl: "https://decidim.contagem.mg.gov.br/api", intervalSeconds: 900, queueSchema: "webhook_queue", expireSeconds: 3600, heartbeatSeconds: 60, requestsPerMinute: 90, allowUntestedVersion: false,
    });
    expect(readDecidimSyncConfig({ DECIDIM_API_URL: "http://127.0.0.1:4100/api", DECIDIM_REQUESTS_PER_MINUTE: "600", DECIDIM_ALLOW_UNTESTED_VERSION: "true" })).toMatchObject({ requestsPerMinute: 600, allowUntestedVersion: true });
    expect(() => readDecidimSyncConfig({ DECIDIM_API_URL: "https://x.example/api", DECIDIM_ALLOW_UNTESTED_VERSION: "yes" })).toThrow(/DECIDIM_ALLOW_UNTESTED_VERSION/);
    expect(() => readDecidimSyncConfig({ DECIDIM_API_URL: "https://x.example/api", DECIDIM_REQUESTS_PER_MINUTE: "0" })).toThrow(/DECIDIM_REQUESTS_PER_MINUTE/);
    expect(() => readDecidimSyncConfig({ DECIDIM_API_URL: "https://x.example/api", DECIDIM_SYNC_INTERVAL: "5" })).toThrow(/DECIDIM_SYNC_INTERVAL/);
    expect(() => readDecidimSyncConfig({ DECIDIM_API_URL: "ftp://x.example/api" })).toThrow(/DECIDIM_API_URL/);
  });

  it("a read interrupted by an error changes nothing and is recorded as a failed run", async () => {
    const before = await imported();
    let pages = 0;
    const run = await runDecidimSync(em(), async () => {
      pages++;
      throw new Error("Decidim answered 503 on page 7 of proposals");
    }, { auditSchema: db.auditSchema });
    expect(pages).toBe(1);
    expect(run.error).toBe("Decidim answered 503 on page 7 of proposals");
    expect(await imported()).toBe(before);
    const [audit] = await em().execute(`select action, actor_sub from "${db.auditSchema}".audit_entry where entity_type = 'DecidimSyncRun' and entity_id = ?`, [run.id]);
    expect(audit).toEqual({ action: "decidim.sync.failed", actor_sub: "system:decidim-sync" });
  });

  it("a snapshot the database refuses changes nothing and is recorded without its records' text or SQL", async () => {
    const before = await imported();
    const snapshot = contagemSnapshot();
    snapshot.proposals[0].title = "Maria da Silva propõe ciclovia";
    snapshot.proposals[0].voteCount = 2 ** 40; // beyond PostgreSQL's integer
    const run = await runDecidimSync(em(), async () => snapshot, { auditSchema: db.auditSchema });
    expect(run.error).toBe("the snapshot could not be applied (DriverException, SQLSTATE 22003); nothing changed");
    expect(run.error!.length).toBeLessThan(300);
    expect(run.error).not.toMatch(/Maria|insert|update/i);
    expect(await imported()).toBe(before);
    const [audit] = await em().execute(`select details::text as details from "${db.auditSchema}".audit_entry where entity_type = 'DecidimSyncRun' and entity_id = ?`, [run.id]);
    expect(audit.details).not.toMatch(/Maria|insert/i);
  });

  it("runs on the job queue, one sync at a time however often it is asked", async () => {
    let active = 0;
    let most = 0;
    let reads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const readSnapshot = async (): Promise<DecidimSnapshot> => {
      reads++;
      most = Math.max(most, ++active);
      await gate;
      active--;
      return contagemSnapshot();
    };
    const runsBefore = await em().count(DecidimSyncRunEntity, { error: null });
    const worker = await startDecidimSync(
      { databaseUrl: testDatabaseUrl(), em: db.orm.em as EntityManager, readSnapshot, auditSchema: db.auditSchema, logger: createLogger("test-decidim-sync", "silent") },
      { intervalSeconds: 3600, queueSchema: freshSchemaName("queue"), expireSeconds: 600 },
    );
    try {
      await waitFor(() => reads === 1);
      for (let i = 0; i < 5; i++) await worker.trigger(); // refused by the exclusive queue while one sync waits or runs
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      release();
      await waitFor(async () => (await em().count(DecidimSyncRunEntity, { error: null })) === runsBefore + 1);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(most).toBe(1);
      expect(reads).toBe(1);
      expect(await em().count(DecidimSyncRunEntity, { error: null })).toBe(runsBefore + 1);
      expect(await imported()).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
  }, 60_000);

  it("stopping the worker mid-sync stops the read at once: a failed run, nothing applied, no job left running", async () => {
    let reading!: () => void;
    const started = new Promise<void>((resolve) => (reading = resolve));
    let sawSignal = false;
    // A read that would run for ever unless stopped (then it hands over what it read: the sync must not apply it).
    const readSnapshot = (signal?: AbortSignal) => new Promise<DecidimSnapshot>((resolve) => {
      sawSignal = signal !== undefined;
      reading();
      signal?.addEventListener("abort", () => resolve(contagemSnapshot()), { once: true });
    });
    const queueSchema = freshSchemaName("queue");
    const before = await imported();
    const runsBefore = await em().count(DecidimSyncRunEntity, {});
    const worker = await startDecidimSync(
      { databaseUrl: testDatabaseUrl(), em: db.orm.em as EntityManager, readSnapshot, auditSchema: db.auditSchema, logger: createLogger("test-decidim-sync", "silent") },
      { intervalSeconds: 3600, queueSchema, expireSeconds: 3600 },
    );
    await started;
    expect(sawSignal).toBe(true);
    await worker.stop();
    const runs = await em().find(DecidimSyncRunEntity, {}, { orderBy: { id: "desc" } });
    expect(runs.length).toBe(runsBefore + 1);
    expect(runs[0].error).toBe(STOPPED);
    expect(await imported()).toBe(before);
    const jobs = await em().execute<{ state: string }[]>(`select state from "${queueSchema}".job where name = 'decidim-sync'`);
    expect(jobs.map((j) => j.state)).not.toContain("active");
    await em().execute(`drop schema "${queueSchema}" cascade`);
  }, 60_000);

  it("logs why a sync failed, for the operator reading the log", async () => {
    const lines: string[] = [];
    const worker = await startDecidimSync(
      {
        databaseUrl: testDatabaseUrl(), em: db.orm.em as EntityManager, auditSchema: db.auditSchema,
        readSnapshot: async () => {
          throw new Error("DECIDIM_HTTP_ERROR: DecidimSpaces: HTTP 403");
        },
        logger: createLogger("test-decidim-sync", "info", { write: (line: string) => void lines.push(line) }),
      },
      { intervalSeconds: 3600, queueSchema: freshSchemaName("queue"), expireSeconds: 600 },
    );
    try {
      await waitFor(() => lines.some((line) => line.includes("decidim sync failed")));
      expect(lines.find((line) => line.includes("decidim sync failed"))).toContain("DECIDIM_HTTP_ERROR: DecidimSpaces: HTTP 403");
    } finally {
      await worker.stop();
    }
  }, 60_000);
});

describe("Decidim sync process", () => {
  const standin = new DecidimStandin();
  let apiUrl = "";
  // A database of its own: the stand-in's records, not the fixture's the tests above imported.
  let fresh: TestDatabase;
  const own = () => fresh.orm.em.fork() as EntityManager;
  beforeAll(async () => {
    ({ apiUrl } = await standin.start());
    fresh = await createTestDatabase(participation, { seed: false });
  });
  afterAll(async () => {
    await standin.stop();
    await fresh.drop().then(() => fresh.orm.close());
  });

  /** The sync's own process (as `npm start` runs it), on this test's schemas; its log lines in `lines`. */
  function syncProcess(queueSchema: string, lines: string[]): ChildProcess {
    const child = spawn(process.execPath, [join(__dirname, "../../dist/decidim/sync.main.js")], {
      env: {
        PATH: process.env.PATH, DATABASE_URL: testDatabaseUrl(), PARTICIPATION_DB_SCHEMA: fresh.schema, AUDIT_DB_SCHEMA: fresh.auditSchema,
        WEBHOOK_QUEUE_SCHEMA: queueSchema, DECIDIM_API_URL: apiUrl, DECIDIM_SYNC_INTERVAL: "10", DECIDIM_SYNC_HEARTBEAT_SECONDS: "10",
        DECIDIM_REQUESTS_PER_MINUTE: "6000", LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
    child.stderr!.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
    return child;
  }

  it("a sync whose process was killed mid-read does not hold the queue: the restarted process syncs within a heartbeat", async () => {
    const queueSchema = freshSchemaName("queue");
    const lines: string[] = [];
    // Decidim holds every answer for ten minutes: the first process is killed while it waits.
    standin.failNext(1_000, { kind: "delay", ms: 600_000 });
    const first = syncProcess(queueSchema, lines);
    let second: ChildProcess | undefined;
    try {
      await waitFor(() => standin.apiRequests().length > 0, 60_000);
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      standin.clearFaults();
      const runsBefore = await own().count(DecidimSyncRunEntity, { error: null });
      second = syncProcess(queueSchema, lines);
      // Before the heartbeat, the dead sync's job stayed active for DECIDIM_SYNC_EXPIRE_SECONDS (an hour): no sync ran.
      await waitFor(async () => (await own().count(DecidimSyncRunEntity, { error: null })) > runsBefore, 120_000);
      // The process says so once its transaction is done (its log line may follow the row by a moment).
      await waitFor(() => lines.some((line) => line.includes("decidim sync applied")), 10_000);
    } finally {
      first.kill("SIGKILL");
      second?.kill("SIGTERM");
      if (second && second.exitCode === null) await new Promise((resolve) => second!.once("exit", resolve));
      await own().execute(`drop schema if exists "${queueSchema}" cascade`);
    }
  }, 240_000);
});

async function waitFor(done: () => boolean | Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
