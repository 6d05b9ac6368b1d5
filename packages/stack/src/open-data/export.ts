import { civilDate, OPEN_DATA_PACKAGE, OPEN_DATA_SNAPSHOT, OPEN_DATA_ZIP, parseChecksums, type SubgraphDefinition } from "@contagem/schema";
import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { zipSync } from "fflate";
import { Client } from "pg";
import { packageDescriptor } from "./descriptor";
import { packageReadme } from "./readme";
import { writeTable, type WrittenTable } from "./tables";

export interface OpenDataExportOptions {
  /** The PostgreSQL server every subgraph's schema lives on. */
  url: string;
  /** Each subgraph's schema, by subgraph name (default: its name, as `npm start` lays them out). */
  schemas?: Record<string, string>;
  /** Where snapshots go: `<outDir>/<YYYY-MM-DD>/`, and `<outDir>/latest` → the newest. */
  outDir: string;
  now?: Date;
  /**
   * Read every table in one REPEATABLE READ transaction (one instant across tables). Off on the embedded engine: it
   * serves one session's transaction at a time, and a long one would hold the subgraphs; there, rows created after
   * the export began are left out, so every reference still finds its row.
   */
  consistent?: boolean;
  /** The subgraphs' secrets their computed tables need: PII_KEY, the key of the figures' rounding (as the subgraph's). */
  settings?: Record<string, string>;
  /** Dated snapshots kept (the newest); older ones are removed. */
  keep?: number;
  homepage?: string;
}

export interface OpenDataSnapshot {
  version: string;
  dir: string;
  tables: WrittenTable[];
}

/** Deflated at fflate's default level; every entry dated with the export's instant, so equal data give equal bytes. */
async function packageZip(dir: string, files: string[], when: Date): Promise<Buffer> {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of files) entries[`${OPEN_DATA_PACKAGE}/${file}`] = [await readFile(join(dir, file)), { mtime: when }];
  return Buffer.from(zipSync(entries));
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/**
 * `npm run export`, and the stack's daily export: every subgraph's public tables as a Frictionless Data Package in a new
 * dated snapshot, written aside and moved into place whole, then `latest` pointed at it. Each subgraph's resources
 * read only that subgraph's schema.
 */
export async function exportOpenData(definitions: SubgraphDefinition[], options: OpenDataExportOptions): Promise<OpenDataSnapshot> {
  const now = options.now ?? new Date();
  const version = civilDate(now);
  await mkdir(options.outDir, { recursive: true });
  const work = await mkdtemp(join(options.outDir, ".export-"));
  // Readable by a web server or a CDN origin running as another user, as the published files are meant to be.
  await chmod(work, 0o755);
  try {
    const tables = await writeTables(definitions, options, work, now);
    const descriptor = JSON.stringify(packageDescriptor(tables, { version, created: now, homepage: options.homepage }), null, 2) + "\n";
    const readme = packageReadme(tables, { version, created: now });
    await writeFile(join(work, "datapackage.json"), descriptor);
    await writeFile(join(work, "README.md"), readme);
    const sums = [...tables.map((t) => `${t.sha256}  ${t.resource.name}.csv`), `${sha256(descriptor)}  datapackage.json`, `${sha256(readme)}  README.md`];
    // The whole package in one download, as Decidim's open-data file is; its own hash is listed beside the others.
    const archive = await packageZip(work, [...tables.map((t) => `${t.resource.name}.csv`), "datapackage.json", "README.md"], now);
    await writeFile(join(work, OPEN_DATA_ZIP), archive);
    sums.push(`${sha256(archive)}  ${OPEN_DATA_ZIP}`);
    await writeFile(join(work, "SHA256SUMS"), sums.join("\n") + "\n");
    const dir = join(options.outDir, version);
    await replaceDirectory(work, dir);
    await pointLatest(options.outDir, await prune(options.outDir, options.keep ?? 30));
    return { version, dir, tables };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function writeTables(definitions: SubgraphDefinition[], options: OpenDataExportOptions, dir: string, now: Date): Promise<WrittenTable[]> {
  const client = new Client({ connectionString: options.url, application_name: "open-data-export" });
  await client.connect();
  try {
    if (options.consistent !== false) await client.query("begin isolation level repeatable read read only");
    const tables: WrittenTable[] = [];
    for (const definition of definitions) {
      const schema = options.schemas?.[definition.name] ?? definition.name;
      for (const resource of definition.openData ?? []) {
        tables.push(await writeTable(client, definition, resource, { schema, file: join(dir, `${resource.name}.csv`), asOf: now, settings: options.settings ?? {} }));
      }
    }
    if (options.consistent !== false) await client.query("commit");
    return tables;
  } catch (error) {
    // 42P01 undefined_table: the subgraphs have never migrated this database.
    if ((error as { code?: string }).code === "42P01") throw new Error(`The database has no tables yet (${(error as Error).message}): run \`npm start\` once first.`);
    throw error;
  } finally {
    await client.end();
  }
}

/** Moves `from` to `to`, replacing an earlier snapshot of the same day (readers see one or the other, whole). */
async function replaceDirectory(from: string, to: string): Promise<void> {
  const old = `${from}.old`;
  await rename(to, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(from, to);
  await rm(old, { recursive: true, force: true });
}

/** `latest` is a relative symlink to the newest snapshot, swapped atomically (rename over the old link). */
async function pointLatest(outDir: string, version: string): Promise<void> {
  const next = join(outDir, `.latest-${process.pid}`);
  await rm(next, { force: true });
  await symlink(version, next);
  await rename(next, join(outDir, "latest"));
}

/** Removes all but the newest `keep` snapshots; returns the newest. */
async function prune(outDir: string, keep: number): Promise<string> {
  const snapshots = (await readdir(outDir)).filter((name) => OPEN_DATA_SNAPSHOT.test(name)).sort();
  for (const name of snapshots.slice(0, Math.max(0, snapshots.length - keep))) await rm(join(outDir, name), { recursive: true, force: true });
  return snapshots[snapshots.length - 1];
}

/** The snapshot's SHA256SUMS as a map from file name to its hex digest. */
export async function readChecksums(dir: string): Promise<Map<string, string>> {
  return parseChecksums(await readFile(join(dir, "SHA256SUMS"), "utf8"));
}
