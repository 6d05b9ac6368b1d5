import type { EntityManager } from "@mikro-orm/postgresql";

export type Series = "MINUTES" | "RESOLUTION";

/**
 * The next number of a council's series for a year. The counter row is locked by the upsert until the writing
 * transaction ends: concurrent writers queue, a rolled-back write gives its number back, so there are no gaps and
 * no duplicates.
 */
export async function nextNumber(em: EntityManager, councilId: number, year: number, series: Series): Promise<number> {
  const schema = em.config.get("schema");
  const [row] = await em.execute<{ last_number: number }[]>(
    `insert into "${schema}".numbering (council_id, year, series, last_number) values (?, ?, ?, 1)
     on conflict (council_id, year, series) do update set last_number = "${schema}".numbering.last_number + 1
     returning last_number`,
    [councilId, year, series],
  );
  return row.last_number;
}

/** "006/2026" */
export const formatNumber = (number: number, year: number) => `${String(number).padStart(3, "0")}/${year}`;
