import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { EngineServer } from "./embedded-server";

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
  const fresh = !options.dataDir || !(await stat(options.dataDir).catch(() => null));
  const template = fresh && options.template ? await readFile(options.template).catch(() => null) : null;
  const db = await PGlite.create(options.dataDir ?? "memory://", {
    extensions: { unaccent, pg_trgm },
    ...(template ? { loadDataDir: new Blob([template]) } : {}),
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
    },
  };
}
