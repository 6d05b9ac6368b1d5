import { adminToken, clusterUnavailable, freePort, freshSchemaName, gql, isEmbedded, postgresTempDir, startPrimary, startStandby, TEST_AUTH, until, type Cluster } from "@contagem/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { ROOT } from "./artifacts";
import { queryOnce as sql } from "./pg-query";

/**
 * DATABASE_READ_URL against a real streaming replica made here: a primary cluster (initdb) and its hot standby
 * (`pg_basebackup -R`), each on an ephemeral port, and the councils subgraph process over both. Anonymous reads are
 * served by the standby, writes and every authenticated read by the primary, and nothing ever tries to write to
 * the standby. The standby's replay is paused to make the two databases tell apart: what the anonymous reader sees
 * is then the standby's, frozen, while the writer sees its write at once.
 */
const unavailable = isEmbedded() ? "the embedded database has no replicas (run with DATABASE_URL)" : clusterUnavailable();
if (unavailable && process.env.CI && !isEmbedded()) throw new Error(`Read-replica test cannot run: ${unavailable}.`);
if (unavailable) console.warn(`Read-replica test skipped: ${unavailable}.`);
const describeWithClusters = unavailable ? describe.skip : describe;

const QUERY = `{ council(slug: "compur") { id version notes } }`;
const UPDATE = `mutation($i: UpdateCouncilInput!) { updateCouncil(input: $i) { council { id version notes } } }`;
const METRICS_TOKEN = "test-metrics-token-test-metrics-token-0123";
/** PostgreSQL's read_only_sql_transaction: what a write sent to a standby gets. */
const READ_ONLY = "25006";

describeWithClusters("a read replica (DATABASE_READ_URL) made with pg_basebackup", () => {
  let temp: { dir: string; remove: () => void };
  let primary: Cluster;
  let standby: Cluster;
  const children: ChildProcess[] = [];
  let output = "";
  let url: string;
  let meetingsUrl: string;
  const schema = freshSchemaName("councils");
  const auditSchema = freshSchemaName("audit");

  /** A subgraph process over the primary and the standby, ready. */
  const startService = async (name: string, env: Record<string, string>) => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, `services/${name}/dist/main.js`)], {
      env: {
        ...process.env,
        DATABASE_URL: primary.url,
        DATABASE_READ_URL: standby.url,
        [`${name.toUpperCase()}_PORT`]: String(port),
        AUDIT_DB_SCHEMA: auditSchema,
        JWT_SECRET: TEST_AUTH.secret,
        JWT_ISSUER: TEST_AUTH.issuer,
        JWT_AUDIENCE: TEST_AUTH.audience,
        LOG_LEVEL: "info",
        METRICS_TOKEN,
        ...env,
      },
    });
    children.push(child);
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const served = `http://127.0.0.1:${port}/graphql`;
    await until(async () => (await fetch(new URL("/readyz", served))).ok, 40_000).catch((error: Error) => {
      throw new Error(`${error.message}; the subgraphs said:\n${output}`);
    });
    return served;
  };

  /** Waits until the standby has replayed everything the primary has written so far. */
  const caughtUp = async () => {
    const [{ lsn }] = await sql<{ lsn: string }>(primary.url, "select pg_current_wal_lsn()::text as lsn");
    await until(async () => (await sql<{ ok: boolean }>(standby.url, "select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok", [lsn]))[0].ok, 20_000);
  };

  beforeAll(async () => {
    temp = postgresTempDir("contagem-replica-");
    primary = await startPrimary(temp.dir);
    standby = await startStandby(temp.dir, primary);
    url = await startService("councils", { COUNCILS_DB_SCHEMA: schema });
    meetingsUrl = await startService("meetings", { MEETINGS_DB_SCHEMA: freshSchemaName("meetings"), COUNCILS_URL: url });
    // The migrations and the seed were written on the primary: the standby has them once it has replayed them.
    await caughtUp();
  }, 60_000);

  afterAll(async () => {
    for (const child of children.filter((c) => c.exitCode === null)) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    }
    standby?.stop();
    primary?.stop();
    temp?.remove();
  });

  it("serves anonymous reads from the standby and a token's reads and writes from the primary, which sees its write at once", async () => {
    const before = await gql(url, QUERY);
    expect(before.errors).toBeUndefined();
    const { id, version, notes } = before.data.council;
    // The subgraph's replica pool is connected to the standby, under its name.
    const sessions = await sql<{ n: number }>(standby.url, "select count(*)::int as n from pg_stat_activity where application_name = $1", [`contagem-${schema}-replica`]);
    expect(sessions[0].n).toBeGreaterThan(0);

    // Frozen: what the standby answers from now on is what it had before the write.
    await sql(standby.url, "select pg_wal_replay_pause()");
    await until(async () => (await sql<{ state: string }>(standby.url, "select pg_get_wal_replay_pause_state() as state"))[0].state === "paused", 10_000);
    try {
      const written = `Escrito no primário ${randomUUID()}`;
      const token = await adminToken();
      const updated = await gql(url, UPDATE, { i: { id, expectedVersion: version, notes: written } }, { token });
      expect(updated.errors).toBeUndefined();
      // Read after write, in the same request (the mutation's answer) and in the next one with the same token.
      expect(updated.data.updateCouncil.council).toEqual({ id, version: version + 1, notes: written });
      expect((await gql(url, QUERY, undefined, { token })).data.council).toEqual({ id, version: version + 1, notes: written });
      // The primary has it; the anonymous reader is served by the paused standby, which has not.
      const onPrimary = await sql<{ notes: string }>(primary.url, `select notes from "${schema}".council where slug = 'compur'`);
      const onStandby = await sql<{ notes: string }>(standby.url, `select notes from "${schema}".council where slug = 'compur'`);
      expect([onPrimary[0].notes, onStandby[0].notes]).toEqual([written, notes]);
      expect((await gql(url, QUERY)).data.council).toEqual({ id, version, notes });
      // A peer asking on behalf of a writer (x-read-primary) reads the primary.
      expect((await gql(url, QUERY, undefined, { headers: { "x-read-primary": "1" } })).data.council.notes).toBe(written);
    } finally {
      await sql(standby.url, "select pg_wal_replay_resume()");
    }
    // The operator sees both pools, each as large as DB_POOL_SIZE (10).
    const metrics = await (await fetch(new URL("/metrics", url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toMatch(/^contagem_db_pool_max\{database="primary"\} 10$/m);
    expect(metrics).toMatch(/^contagem_db_pool_max\{database="replica"\} 10$/m);
    expect(metrics).toMatch(/^contagem_db_pool_connections\{database="replica",state="idle"\} [1-9]/m);
    // Replication catches up, and so does the anonymous reader: the lag is the only difference.
    await until(async () => (await gql(url, QUERY)).data.council.version === version + 1, 20_000);
  });

  it("reads from the primary what a write asks another subgraph, so that it finds what was written a moment ago", async () => {
    await sql(standby.url, "select pg_wal_replay_pause()");
    await until(async () => (await sql<{ state: string }>(standby.url, "select pg_get_wal_replay_pause_state() as state"))[0].state === "paused", 10_000);
    try {
      const token = await adminToken();
      const created = await gql(url, `mutation($i: CreateCouncilInput!) { createCouncil(input: $i) { council { id slug } } }`, { i: { name: "Conselho criado agora", acronym: "CCA", kind: "POLICY" } }, { token });
      expect(created.errors).toBeUndefined();
      const council = created.data.createCouncil.council as { id: string; slug: string };
      // Not yet on the standby: anonymous readers do not see it.
      expect((await gql(url, `query($s: String) { council(slug: $s) { id } }`, { s: council.slug })).data.council).toBeNull();
      // Meetings asks councils for it (on the writer's behalf: from the primary) and schedules the meeting.
      const scheduled = await gql(
        meetingsUrl,
        `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { meeting { id } } }`,
        { i: { councilId: council.id, type: "ORDINARY", modality: "IN_PERSON", place: "Sede", startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(), agenda: [{ kind: "DELIBERATION", title: "Primeira reunião" }] } },
        { token },
      );
      expect(scheduled.errors).toBeUndefined();
    } finally {
      await sql(standby.url, "select pg_wal_replay_resume()");
    }
  });

  it("never sends a write to the standby (which would refuse it with 25006)", async () => {
    // The check can fail: a write on the standby is refused, and its log says so once.
    await expect(sql(standby.url, "create table refused_on_standby (id int)")).rejects.toMatchObject({ code: READ_ONLY });
    const refusals = standby.log().match(/read-only transaction/g) ?? [];
    expect(refusals).toHaveLength(1);
    expect(output).not.toContain(READ_ONLY);
    expect(output).not.toMatch(/read-only transaction/);
  });
});

it("npm start refuses a DATABASE_READ_URL without DATABASE_URL (the embedded database has no replica): one line, exit 78", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_READ_URL: "postgres://postgres@127.0.0.1:5432/replica", PORT: "0", LOG_LEVEL: "info" };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, "packages/stack/dist/main.js")], { env });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  expect(code).toBe(78);
  expect(output.trim().split("\n").map((line) => JSON.parse(line).msg)).toEqual([
    "Bad configuration: DATABASE_READ_URL is a replica of DATABASE_URL: set both, or neither for the embedded database.",
  ]);
}, 30_000);
