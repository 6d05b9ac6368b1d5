import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { participation } from "@contagem/participation";
import { migrateDatabase } from "@contagem/schema";
import { adminToken, freshSchemaName, gql, isEmbedded, mintToken, pgBouncerUnavailable, postgresTempDir, startPgBouncer, startSystem, testDatabaseUrl, until, type PgBouncer, type RunningSystem } from "@contagem/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ROOT } from "./artifacts";
import { queryOnce } from "./pg-query";

/**
 * The product behind PgBouncer in transaction mode, where consecutive transactions of one client may run on
 * different server sessions: nothing may rely on a session (an advisory lock, a named prepared statement, a SET).
 * PgBouncer runs here in front of the test database with fewer server connections than the system has clients, and
 * the whole system goes through it: migrations (three replicas at once on a fresh schema), seeds, reads, mutations
 * with their audit, idempotency keys (`set local`), and the webhook worker (pg-boss) delivering an event.
 */
const unavailable = isEmbedded() ? "the embedded database is not behind PgBouncer (run with DATABASE_URL)" : pgBouncerUnavailable();
if (unavailable) console.warn(`PgBouncer test skipped: ${unavailable}.`);
const describeWithPgBouncer = unavailable ? describe.skip : describe;

/** Server connections PgBouncer opens to the database, whatever the number of clients (the system opens dozens). */
const SERVER_CONNECTIONS = 2;

describeWithPgBouncer("behind PgBouncer in transaction mode", () => {
  let temp: { dir: string; remove: () => void };
  let bouncer: PgBouncer;
  let url: string;
  let system: RunningSystem;
  let database: string;

  beforeAll(async () => {
    temp = postgresTempDir("contagem-pgbouncer-");
    const target = new URL(testDatabaseUrl());
    database = decodeURIComponent(target.pathname.slice(1));
    bouncer = await startPgBouncer(temp.dir, { host: target.hostname, port: Number(target.port || 5432) }, SERVER_CONNECTIONS);
    url = bouncer.urlOf(database);
  });

  afterAll(async () => {
    await system?.stop();
    bouncer?.stop();
    temp?.remove();
  }, 60_000);

  it("migrates a fresh schema with three replicas at once: one applies every migration, the others find nothing to do", async () => {
    const schema = freshSchemaName("councils");
    const auditSchema = freshSchemaName("audit");
    const options = { ...councils.database, url, schema, auditSchema };
    const results = await Promise.all([migrateDatabase(options), migrateDatabase(options), migrateDatabase(options)]);
    expect(results.map((applied) => applied.length).sort((a, b) => a - b)).toEqual([0, 0, 2 + councils.database.migrations.length]);
    // No lock outlives its migration: a session's lock would stay with a server connection PgBouncer keeps.
    const servers = (await queryOnce<{ remote_pid: string }>(bouncer.adminUrl, "SHOW SERVERS")).map((row) => Number(row.remote_pid));
    expect(servers.length).toBeGreaterThan(0);
    const [held] = await queryOnce<{ n: number }>(testDatabaseUrl(), `select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = any($1)`, [servers]);
    expect(held.n).toBe(0);
    await queryOnce(testDatabaseUrl(), `drop schema "${schema}" cascade`);
    await queryOnce(testDatabaseUrl(), `drop schema "${auditSchema}" cascade`);
  });

  it("starts the system (migrations, seeds), reads, writes with audit and idempotency keys, and delivers a webhook", async () => {
    system = await startSystem([councils, meetings, participation], await readFile(join(ROOT, "gateway/supergraph.graphql"), "utf8"), { url });
    const gateway = system.gatewayUrl;
    const admin = await adminToken();
    const read = await gql(gateway, `{ council(slug: "compur") { id name } }`);
    expect(read.errors).toBeUndefined();
    const compur = read.data.council.id as string;

    // A receiver, subscribed to scheduled meetings, and the webhook worker (pg-boss) through PgBouncer too.
    const received: { type: string; data: { id: string } }[] = [];
    const receiver: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
    let worker: ChildProcess | undefined;
    let clients = 0;
    const queueSchema = freshSchemaName("webhook_queue");
    try {
      const subscribed = await gql(
        gateway,
        `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`,
        { i: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, eventTypes: ["MEETING_SCHEDULED"] } },
        { token: admin },
      );
      expect(subscribed.errors).toBeUndefined();
      let workerOutput = "";
      worker = spawn(process.execPath, [join(ROOT, "services/councils/dist/webhooks/delivery/worker.main.js")], {
        env: {
          ...process.env,
          DATABASE_URL: url,
          COUNCILS_DB_SCHEMA: system.subgraphs.councils.database.schema,
          MEETINGS_DB_SCHEMA: system.subgraphs.meetings.database.schema,
          PARTICIPATION_DB_SCHEMA: system.subgraphs.participation.database.schema,
          WEBHOOK_QUEUE_SCHEMA: queueSchema,
          WEBHOOK_ALLOW_PRIVATE_HOSTS: "true",
          WEBHOOK_POLL_MS: "200",
          LOG_LEVEL: "warn",
        },
      });
      worker.stdout!.on("data", (d) => (workerOutput += d));
      worker.stderr!.on("data", (d) => (workerOutput += d));

      // A mutation with an idempotency key (its claim runs `set local lock_timeout`), replayed: one meeting.
      const secretary = await mintToken({ sub: "secretaria-compur-pgbouncer", roles: ["SECRETARY"], councils: ["compur"] });
      const input = {
        idempotencyKey: randomUUID(),
        councilId: compur,
        type: "ORDINARY",
        modality: "IN_PERSON",
        place: "Sede",
        startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        agenda: [{ kind: "DELIBERATION", title: "Pauta através do PgBouncer" }],
      };
      const schedule = () => gql(gateway, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id version } } }`, { i: input }, { token: secretary });
      const first = await schedule();
      expect(first.errors).toBeUndefined();
      const replay = await schedule();
      expect(replay.data.scheduleMeeting.meeting).toEqual(first.data.scheduleMeeting.meeting);
      const meetingId = first.data.scheduleMeeting.meeting.id as string;

      const audit = await queryOnce<{ action: string }>(testDatabaseUrl(), `select action from "${system.subgraphs.meetings.database.auditSchema}".audit_entry where subgraph = 'meetings' order by id`);
      expect(audit.filter((row) => row.action === "meeting.schedule")).toHaveLength(1);

      await until(async () => received.some((event) => event.data.id === meetingId), 30_000).catch((error: Error) => {
        throw new Error(`${error.message}; the worker said:\n${workerOutput}`);
      });
      expect(received.filter((event) => event.data.id === meetingId)).toHaveLength(1);
      expect(workerOutput).not.toMatch(/"level":(50|60)/);
      // Meanwhile the subgraphs' pools and the worker's were PgBouncer's clients, many more than its server connections.
      clients = (await queryOnce<Record<string, string>>(bouncer.adminUrl, "SHOW CLIENTS")).filter((row) => row.database === database).length;
    } finally {
      if (worker && worker.exitCode === null) {
        const exited = new Promise((done) => worker!.once("exit", done));
        worker.kill("SIGTERM");
        await exited;
      }
      await new Promise((done) => receiver.close(done));
      await queryOnce(testDatabaseUrl(), `drop schema if exists "${queueSchema}" cascade`);
    }

    // All of it went through PgBouncer, on no more server connections than it was given.
    const stats = (await queryOnce<Record<string, string>>(bouncer.adminUrl, "SHOW STATS")).find((row) => row.database === database)!;
    expect(Number(stats.total_xact_count)).toBeGreaterThan(100);
    const servers = (await queryOnce<Record<string, string>>(bouncer.adminUrl, "SHOW SERVERS")).filter((row) => row.database === database);
    expect(servers.length).toBeLessThanOrEqual(SERVER_CONNECTIONS);
    expect(clients).toBeGreaterThan(SERVER_CONNECTIONS);
    expect(bouncer.log()).not.toMatch(/prepared statement|unsupported startup parameter/i);
  }, 120_000);
});
