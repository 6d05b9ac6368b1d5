import { gql, isEmbedded, launchStack, until, type LaunchedStack } from "@contagem/testkit";
import { SignJWT } from "jose";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { ROOT } from "./artifacts";
import { seedDemo } from "./seed-demo";

const run = promisify(execFile);

/** The schemas OPERATIONS.md's backup names: the three subgraphs', the audit log's and the webhook queue's. */
const BACKUP_SCHEMAS = ["councils", "meetings", "participation", "audit", "webhook_queue"];
/** The extension the schemas' indexes use, which lives outside them (in `public`) and a schema dump leaves out. */
const BACKUP_EXTENSIONS = ["pg_trgm"];

const SECRET = randomBytes(32).toString("base64url");
const PII_KEY = randomBytes(32).toString("base64url");
const admin = () =>
  new SignJWT({ roles: ["ADMIN"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("restore-admin")
    .setIssuer("contagem-dev")
    .setAudience("contagem-participation-graph")
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(SECRET));

const scenario = async (file: string) => (await readFile(join(ROOT, "bench", "scenarios", file), "utf8")).replace(/^#.*\n/gm, "");

/** What a reader and an auditor see: the bench's public scenarios, a council page, lists, and the audit trail. */
async function answers(url: string, slug: string) {
  const token = await admin();
  const ask = async (query: string, variables?: Record<string, unknown>, withToken = false) => {
    const res = await gql(url, query, variables, withToken ? { token } : {});
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  return {
    homePage: await ask(await scenario("1-third-party-read.graphql")),
    deepPage: await ask(await scenario("2-deep-federated-page.graphql"), { slug }),
    search: await ask(`{ searchMinutes(query: "reunião", first: 20) { totalCount edges { node { rank excerpt minutes { id label year } } } } }`),
    figures: await ask(await scenario("4-participation-figures.graphql")),
    councils: await ask(`{ councils(first: 100) { totalCount edges { cursor node { id slug name updatedAt } } } }`),
    territories: await ask(`{ territories(first: 100) { totalCount edges { node { id code name } } } }`),
    processes: await ask(`{ processes(first: 100) { totalCount edges { node { id title } } } }`),
    audit: await ask(`{ auditTrail(first: 100) { totalCount edges { node { id subgraph action } } } }`, undefined, true),
  };
}

/** Rows per table of every backed-up schema, straight from the database. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_schema = any($1) and table_type = 'BASE TABLE' order by 1`,
      [BACKUP_SCHEMAS],
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) counts[name] = Number((await client.query(`select count(*) from ${name}`)).rows[0].count);
    return counts;
  } finally {
    await client.end();
  }
}

const withServer = isEmbedded() ? describe.skip : describe;

// On the embedded database (PGlite) there is no server for pg_dump and pg_restore to reach as a backup would: the
// restore test is PostgreSQL's. (An embedded installation is backed up by copying DATA_DIR with npm start stopped.)
withServer("backup and restore (OPERATIONS.md): pg_dump of the schemas, pg_restore into a fresh database", () => {
  const server = new URL(process.env.DATABASE_URL!);
  const names = { source: `restore_src_${randomBytes(4).toString("hex")}`, target: `restore_dst_${randomBytes(4).toString("hex")}` };
  const urlOf = (database: string) => Object.assign(new URL(server), { pathname: `/${database}` }).toString();
  const running = new Set<LaunchedStack>();
  let dir = "";

  const start = async (database: string) => {
    const stack = await launchStack({
      DATABASE_URL: urlOf(database),
      DATA_DIR: dir,
      JWT_SECRET: SECRET,
      PII_KEY,
      LOG_LEVEL: "warn",
      OPEN_DATA_SCHEDULE: "off",
      RATE_LIMIT_PER_MINUTE: "0",
      RESPONSE_CACHE_TTL_MS: "0",
    });
    running.add(stack);
    return stack;
  };
  const stop = async (stack: LaunchedStack) => {
    running.delete(stack);
    expect(await stack.stop()).toBe(0);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "contagem-restore-"));
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    for (const name of Object.values(names)) await client.query(`create database "${name}"`);
    await client.end();
  });

  afterAll(async () => {
    await Promise.all([...running].map((stack) => stack.stop()));
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    for (const name of Object.values(names)) await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers the same from the restored database, and takes writes there", async () => {
    // A history to back up: synthetic councils, meetings, minutes and participation, the default seed, and one
    // audited write; the webhook worker creates its queue's schema.
    await seedDemo(urlOf(names.source), { years: 1, councils: 3, participants: 300, seed: 11 }, { PII_KEY });
    const before = await start(names.source);
    const created = await gql(before.url, `mutation { createCouncil(input: { name: "Conselho Antes do Backup", kind: FORUM }) { council { slug } } }`, undefined, { token: await admin() });
    expect(created.errors).toBeUndefined();
    const { data } = await gql(before.url, `{ councils(first: 1, filter: { search: "sintetico" }) { edges { node { slug } } } }`);
    const slug = data.councils.edges[0].node.slug as string;
    const expected = await answers(before.url, slug);
    expect(expected.audit.auditTrail.totalCount).toBeGreaterThan(0);
    expect(expected.deepPage.council.meetings.edges.length).toBeGreaterThan(0);
    // The worker starts once the subgraphs are ready, and creates its queue's tables as it starts.
    const queueTables = async () => Object.keys(await rowCounts(urlOf(names.source))).filter((table) => table.startsWith("webhook_queue.")).length;
    await until(async () => (await queueTables()) > 0, 60_000);
    await stop(before);
    const counts = await rowCounts(urlOf(names.source));

    // The commands OPERATIONS.md gives.
    const dump = join(dir, "contagem.dump");
    await run("pg_dump", [
      "--format=custom",
      "--no-owner",
      ...BACKUP_SCHEMAS.map((schema) => `--schema=${schema}`),
      ...BACKUP_EXTENSIONS.map((extension) => `--extension=${extension}`),
      `--file=${dump}`,
      urlOf(names.source),
    ]);
    await run("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", `--dbname=${urlOf(names.target)}`, dump]);

    expect(await rowCounts(urlOf(names.target))).toEqual(counts);
    const after = await start(names.target);
    expect(await answers(after.url, slug)).toEqual(expected);
    // Sequences came back with the rows: a new record takes a new id, not one a restored record holds.
    const again = await gql(after.url, `mutation { createCouncil(input: { name: "Conselho Depois do Restauro", kind: FORUM }) { council { id slug } } }`, undefined, { token: await admin() });
    expect(again.errors).toBeUndefined();
    const listed = await gql(after.url, `{ councils(first: 100) { totalCount } }`);
    expect(listed.data.councils.totalCount).toBe(expected.councils.councils.totalCount + 1);
    await stop(after);
  }, 300_000);
});
