import "reflect-metadata";
import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { participation } from "@contagem/participation";
import { readCivilTimeZone, readInt, readOptional, startEmbeddedDatabase, useCivilTimeZone } from "@contagem/schema";
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import { devSecret, PGLITE_TEMPLATE } from "./launcher";
import { exportOpenData } from "./open-data/export";
import { openDataDirOf } from "./open-data/schedule";

/**
 * `npm run export [-- --out DIR]`: the open-data package of the database `npm start` uses (DATABASE_URL, or the
 * embedded one in DATA_DIR, which must not be in use: the running stack exports by itself, daily and at start).
 * `--live` is the stack's own run: it shares the embedded engine with the running subgraphs, so it reads without one
 * long transaction (see OpenDataExportOptions.consistent).
 */
async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, live: { type: "boolean" } } });
  useCivilTimeZone(readCivilTimeZone(process.env));
  const { dataDir, openDataDir } = openDataDirOf(process.env);
  let url = readOptional(process.env, "DATABASE_URL");
  const embedded = url ? undefined : await startEmbeddedDatabase({ dataDir: join(dataDir, "pglite"), template: PGLITE_TEMPLATE });
  url ??= embedded!.url;
  try {
    const started = Date.now();
    const snapshot = await exportOpenData([councils, meetings, participation], {
      url,
      outDir: values.out ? (isAbsolute(values.out) ? values.out : join(process.cwd(), values.out)) : openDataDir,
      consistent: !values.live,
      keep: readInt(process.env, "OPEN_DATA_KEEP", 30, 1, 3650),
      // The figures are rounded under the key the participation subgraph uses (npm start's, in development).
      settings: { PII_KEY: readOptional(process.env, "PII_KEY") ?? (await devSecret(dataDir, "pii-key")) },
    });
    const rows = snapshot.tables.reduce((sum, table) => sum + table.rows, 0);
    const bytes = snapshot.tables.reduce((sum, table) => sum + table.bytes, 0);
    process.stdout.write(`open data ${snapshot.version}: ${snapshot.tables.length} tables, ${rows} rows, ${bytes} bytes of CSV in ${Date.now() - started} ms → ${snapshot.dir}\n`);
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(`export: ${(error as Error).message}`);
  process.exit(1);
});
