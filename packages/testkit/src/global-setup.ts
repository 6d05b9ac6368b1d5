// Imported by path, not through the package index: loading MikroORM here would leak its global metadata
// store into every test file (jest copies the parent's globals into each test context).
import { startEmbeddedDatabase } from "../../schema/src/embedded";

/**
 * Runs once before the suite. With DATABASE_URL set, tests use that server; without it, an in-memory embedded
 * PostgreSQL (PGlite) is served on a local port and its URL handed to every test worker, so both run the same code.
 */
export default async function globalSetup(): Promise<void> {
  const database = process.env.DATABASE_URL ? `PostgreSQL at ${new URL(process.env.DATABASE_URL).host}` : "the embedded PostgreSQL (PGlite)";
  process.stdout.write(`\nTests run on Node ${process.version}, against ${database}.\n`);
  if (process.env.DATABASE_URL) return;
  const db = await startEmbeddedDatabase({ maxConnections: 200 });
  process.env.DATABASE_URL = db.url;
  process.env.TEST_EMBEDDED_DATABASE = "1";
  (globalThis as { __embeddedDatabase?: typeof db }).__embeddedDatabase = db;
}
