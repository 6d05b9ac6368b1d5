import type { EntityManager } from "@mikro-orm/postgresql";

/** A small, fast, seedable PRNG (mulberry32): the same seed always generates the same demo data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/**
 * Inserts many rows in multi-row statements of `chunk` rows, returning the generated ids in order.
 * For demo data and benchmarks, where thousands of rows must go in quickly.
 */
export async function bulkInsert(
  em: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
  chunk = 500,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const schema = em.config.get("schema");
  // Every column any row sets: rows differ (an optional council or territory), and a missing value is NULL.
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    const values = slice.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ");
    const params = slice.flatMap((row) => columns.map((c) => row[c] ?? null));
    const result = await em.execute<{ id: number }[]>(
      `insert into "${schema}"."${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values ${values} returning id`,
      params,
    );
    ids.push(...result.map((r) => r.id));
  }
  return ids;
}
