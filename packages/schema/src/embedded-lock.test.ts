import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { EmbeddedDatabaseInUse, startEmbeddedDatabase } from "./embedded";

/** One owner per data directory: a second process (seed:demo while npm start is up) is refused, not let corrupt it. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "embedded-lock-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("refuses a second owner of a data directory while the first holds it, and lets one in once it stops", async () => {
  const dataDir = join(dir, "pglite");
  const first = await startEmbeddedDatabase({ dataDir });
  try {
    const second = startEmbeddedDatabase({ dataDir, lockWaitMs: 0 });
    await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
    await expect(second).rejects.toThrow(`The embedded database in ${dataDir} is in use by another process (npm start?): stop it first`);
    // The first owner is untouched by the refused attempt.
    const client = new Client({ connectionString: first.url });
    await client.connect();
    expect((await client.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
    await client.end();
  } finally {
    await first.stop();
  }
  const next = await startEmbeddedDatabase({ dataDir });
  await next.stop();
}, 180_000);
