import type { Source } from "@contagem/record";
import type { EntityManager } from "@mikro-orm/postgresql";
import { createHash } from "node:crypto";

type Seeded = { id: number; sources: Source[]; recordHash?: string | null };

/**
 * Finds the row by its natural key and writes the record's facts, unless they are the ones it last applied
 * (`recordHash`): a restart neither duplicates a row nor undoes a later ADMIN edit of facts the record did not change.
 */
export async function apply<T extends Seeded>(
  em: EntityManager,
  entity: new () => T,
  key: Record<string, unknown>,
  values: Record<string, unknown>,
  sources: Source[],
  after?: (row: T) => Promise<void>,
): Promise<T> {
  const recordHash = createHash("sha256").update(JSON.stringify([key, values, sources])).digest("hex");
  let row = (await em.findOne(entity, key as never)) as T | null;
  if (row?.recordHash === recordHash) return row;
  if (row) em.assign(row, { ...values, sources, recordHash } as never);
  else row = em.create(entity, { ...key, ...values, sources, recordHash } as never) as T;
  await em.flush();
  await after?.(row);
  return row;
}
