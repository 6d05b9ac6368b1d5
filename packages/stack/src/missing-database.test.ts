import { ConfigError, waitForDatabase } from "@contagem/schema";
import { isEmbedded } from "@contagem/testkit";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { Client } from "pg";
import { ROOT } from "./artifacts";

/**
 * A DATABASE_URL naming a database its server does not have: one fatal line naming the database and the command that
 * creates it, exit 78, nothing started. Needs a real PostgreSQL server (the embedded one has a single database): the
 * suite's server, or on the embedded run the local one CI also runs.
 */
const serverUrl = isEmbedded() ? "postgres://postgres@127.0.0.1:5432/postgres" : process.env.DATABASE_URL!;
const missingUrl = () => {
  const url = new URL(serverUrl);
  url.pathname = `/contagem_missing_${randomBytes(4).toString("hex")}`;
  return url.toString();
};

let reachable = false;
beforeAll(async () => {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  reachable = await client.connect().then(() => true, () => false);
  await client.end().catch(() => {});
  if (!reachable && (process.env.CI || !isEmbedded())) throw new Error(`No PostgreSQL at ${new URL(serverUrl).host}: this test needs one.`);
  if (!reachable) console.warn(`Skipped: no PostgreSQL at ${new URL(serverUrl).host} (the embedded database has a single database).`);
});

it("waitForDatabase names the missing database and the createdb command that creates it", async () => {
  if (!reachable) return;
  const url = missingUrl();
  const name = new URL(url).pathname.slice(1);
  const { hostname, port, username } = new URL(url);
  const error = await waitForDatabase(url, { timeoutMs: 60_000 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).toBe(
    `the database "${name}" does not exist on PostgreSQL at ${hostname}:${port || 5432}: create it with \`createdb -h ${hostname} -p ${port || 5432} -U ${username} ${name}\` (or unset DATABASE_URL to use the embedded database).`,
  );
});

it("npm start stops at once with one line naming it, exit 78, no stack trace", async () => {
  if (!reachable) return;
  const url = missingUrl();
  const child = spawn(process.execPath, [join(ROOT, "packages/stack/dist/main.js")], {
    env: { ...process.env, DATABASE_URL: url, PORT: "0", LOG_LEVEL: "info" },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  expect(code).toBe(78);
  const lines = output.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0])).toMatchObject({ level: 60, msg: expect.stringMatching(/^Bad configuration: the database "contagem_missing_\w+" does not exist .*createdb /) });
  expect(output).not.toMatch(/\n\s+at /);
}, 30_000);
