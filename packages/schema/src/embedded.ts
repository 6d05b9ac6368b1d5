import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import lockfile from "proper-lockfile";
import { EngineServer } from "./embedded-server";

/**
 * A data directory has one owner at a time: two engines writing the same files corrupt them (a `seed:demo` run while
 * `npm start` was up lost its rows and left indexes that no longer matched their tables). The owner holds
 * `<dataDir>.lock` (proper-lockfile: refreshed every 2 s, taken over once 10 s stale, so a crashed owner frees it);
 * a new owner waits up to `lockWaitMs` (12 s) for it, so `npm start` right after a killed one still starts.
 */
export class EmbeddedDatabaseInUse extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another process (npm start?): stop it first, or set DATABASE_URL ` +
        "to a PostgreSQL server, which many processes may share. (A lock left by a process that died frees itself within 10 s.)",
    );
  }
}

async function own(dataDir: string, waitMs: number): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      retries: { retries: Math.ceil(waitMs / 1000), factor: 1, minTimeout: 1000, maxTimeout: 1000 },
      realpath: false,
      lockfilePath: `${dataDir}.lock`,
      stale: 10_000,
      update: 2_000,
      // The lock could not be refreshed for 10 s (a suspended machine): another process may now take it. Said, not thrown.
      onCompromised: (error) => process.emitWarning(`The lock of the embedded database in ${dataDir} was compromised: ${error.message}`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new EmbeddedDatabaseInUse(dataDir);
    throw error;
  }
}

export interface EmbeddedDatabase {
  /** postgres:// URL every subgraph connects to, exactly as to a real server. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory that keeps the data across restarts; omit for an in-memory database (tests). */
  dataDir?: string;
  port?: number;
  host?: string;
  /** Must be at least the sum of the subgraphs' pool sizes. */
  maxConnections?: number;
  /** How long a session may sit idle in a transaction while others wait for the engine (see embedded-server.ts). */
  idleInTransactionMs?: number;
  /** A `dumpDataDir` tarball of an initialised cluster: a new data directory is created from it (no initdb). */
  template?: string;
  /** How long to wait for another process's hold on `dataDir` to end before refusing (EmbeddedDatabaseInUse). */
  lockWaitMs?: number;
}

/** The URL an embedded database will serve on `port`, known before it is up. */
export const embeddedUrl = (port: number, host = "127.0.0.1") => `postgres://postgres:postgres@${host}:${port}/postgres`;

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) and serves it over the PostgreSQL wire protocol on a local port,
 * so that the subgraphs use one code path — a postgres:// URL — with or without a database server.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  if (options.dataDir) await mkdir(dirname(options.dataDir), { recursive: true });
  const release = options.dataDir ? await own(options.dataDir, options.lockWaitMs ?? 12_000) : async () => {};
  const fresh = !options.dataDir || !(await stat(options.dataDir).catch(() => null));
  const template = fresh && options.template ? await readFile(options.template).catch(() => null) : null;
  const db = await PGlite.create(options.dataDir ?? "memory://", {
    extensions: { unaccent, pg_trgm },
    ...(template ? { loadDataDir: new Blob([template]) } : {}),
  }).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  const server = new EngineServer({
    db,
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    maxConnections: options.maxConnections ?? 64,
    idleInTransactionMs: options.idleInTransactionMs,
  });
  const address = await server.start();
  return {
    url: `postgres://postgres:postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      await release();
    },
  };
}
