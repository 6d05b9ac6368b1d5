import { Client } from "pg";

/** One statement on a connection of its own (a test's look at a database, or at PgBouncer's admin console), its rows. */
export async function queryOnce<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
