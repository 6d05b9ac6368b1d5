import { freshSchemaName, gql, isEmbedded, launchStack, type LaunchedStack } from "@contagem/testkit";
import { SignJWT } from "jose";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";

/** `npm start` as a new user runs it: the built launcher, its own processes, real ports. */
const start = (env: Record<string, string | undefined>) => launchStack({ ...env, LOG_LEVEL: "warn" });
const stop = (started: LaunchedStack) => started.stop();
/** Stacks still running when a test fails: stopped in `afterEach`, so a failed expectation never leaves processes behind. */
const running = new Set<LaunchedStack>();
const startTracked = async (env: Record<string, string | undefined>) => {
  const started = await start(env);
  running.add(started);
  return started;
};
const stopTracked = async (started: LaunchedStack) => {
  running.delete(started);
  return stop(started);
};
afterEach(async () => {
  await Promise.all([...running].map(stop));
  running.clear();
});

const PUBLIC_BODIES = 35;
const ACCEPTANCE_QUERY = `{ councils(first: 50) { totalCount edges { node { slug acronym name kind territory { code name } } } } }`;

async function expectSeeded(url: string) {
  const res = await gql(url, ACCEPTANCE_QUERY);
  expect(res.errors).toBeUndefined();
  expect(res.data.councils.totalCount).toBe(PUBLIC_BODIES); // the bodies of the public record
  const regional = res.data.councils.edges.filter((e: any) => e.node.kind === "REGIONAL");
  expect(regional).toHaveLength(8);
  expect(regional.every((e: any) => e.node.territory?.code)).toBe(true);
}

describe("npm start", () => {
  it("runs the whole system on the embedded database, keeps data across restarts, and stops cleanly on Ctrl-C", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "contagem-data-"));
    try {
      const first = await startTracked({ DATA_DIR: dataDir, DATABASE_URL: undefined });
      expect(first.output()).toContain("embedded PostgreSQL");
      await expectSeeded(first.url);
      expect((await fetch(first.url.replace(/\/graphql$/, "/readyz"))).status).toBe(200);

      // The development secret lives in the data directory, as `npm run token` reads it.
      const secret = (await readFile(join(dataDir, "jwt-secret"), "utf8")).trim();
      const token = await new SignJWT({ roles: ["ADMIN"] })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("e2e-admin")
        .setIssuer("contagem-dev")
        .setAudience("contagem-participation-graph")
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(secret));
      const created = await gql(
        first.url,
        `mutation { createCouncil(input: { name: "Conselho Persistente de Teste", kind: FORUM }) { council { slug } } }`,
        undefined,
        { token },
      );
      expect(created.errors).toBeUndefined();
      expect(await stopTracked(first)).toBe(0);

      const second = await startTracked({ DATA_DIR: dataDir, DATABASE_URL: undefined });
      const again = await gql(second.url, `{ council(slug: "conselho-persistente-de-teste") { name } councils { totalCount } }`);
      expect(again.data).toEqual({ council: { name: "Conselho Persistente de Teste" }, councils: { totalCount: PUBLIC_BODIES + 1 } });
      expect(await stopTracked(second)).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  const withServer = isEmbedded() ? it.skip : it;
  withServer("uses the PostgreSQL server at DATABASE_URL when it is set", async () => {
    const schema = freshSchemaName("councils");
    const dataDir = await mkdtemp(join(tmpdir(), "contagem-data-"));
    try {
      const started = await startTracked({ DATABASE_URL: process.env.DATABASE_URL, COUNCILS_DB_SCHEMA: schema, DATA_DIR: dataDir });
      expect(started.output()).toContain("PostgreSQL at DATABASE_URL");
      await expectSeeded(started.url);
      expect(await stopTracked(started)).toBe(0);
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      const { rows } = await client.query(`select count(*)::int as n from "${schema}".council`);
      expect(rows[0].n).toBe(PUBLIC_BODIES);
      await client.query(`drop schema "${schema}" cascade`);
      await client.end();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
