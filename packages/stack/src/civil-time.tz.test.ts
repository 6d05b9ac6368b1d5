import { isEmbedded } from "@contagem/testkit";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { Client } from "pg";
import { ROOT } from "./artifacts";

/**
 * Contagem's calendar must not depend on where the server runs. The process's TZ is read once by the runtime, so
 * the civil-time suites run again in a child jest under each TZ; on a PostgreSQL server, each child's sessions also
 * get a different TimeZone (PGOPTIONS; PGlite keeps its own, and civil-time.sql.test.ts varies it per transaction).
 */
const SUITES = [
  "packages/schema/src/civil-time.test.ts",
  "packages/schema/src/civil-time.sql.test.ts",
  "services/meetings/src/civil-time.test.ts",
  "services/participation/src/civil-time.test.ts",
];
const RUNS = [
  { tz: "UTC", session: "Pacific/Kiritimati" },
  { tz: "America/Sao_Paulo", session: "UTC" },
];

function jestChild(tz: string, session: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, TZ: tz, EXPECT_TZ: tz, ...(isEmbedded() ? {} : { PGOPTIONS: `-c TimeZone=${session}` }) };
  const args = ["--experimental-vm-modules", "--disable-warning=ExperimentalWarning", join(ROOT, "node_modules/jest/bin/jest.js"), "--runInBand", "--ci", ...SUITES];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

it.each(RUNS)("passes under TZ=$tz (database sessions in $session)", async ({ tz, session }) => {
  if (!isEmbedded()) {
    // The server honours the session's TimeZone from PGOPTIONS, so the child really runs with another one.
    const client = new Client({ connectionString: process.env.DATABASE_URL, options: `-c TimeZone=${session}` });
    await client.connect();
    const { rows } = await client.query<{ TimeZone: string }>("show timezone");
    await client.end();
    expect(rows[0].TimeZone).toBe(session);
  }
  const { code, output } = await jestChild(tz, session);
  if (code !== 0) throw new Error(`The civil-time suites failed under TZ=${tz}:\n${output.slice(-6000)}`);
  expect(output).toMatch(new RegExp(`Test Suites: ${SUITES.length} passed, ${SUITES.length} total`));
}, 300_000);
