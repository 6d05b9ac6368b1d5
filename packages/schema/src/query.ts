import type { EntityManager } from "@mikro-orm/postgresql";
import type { EntityName, FilterQuery } from "@mikro-orm/core";
import { decodeCursor, pageSize, toPage, type Page } from "./pagination";

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

/** Sort keys of a list, most significant first; `id` is appended as the tie-breaker. */
export type SortKey = { field: string; direction: "asc" | "desc" };

/**
 * One page of `entity` by keyset pagination: the cursor holds the sort-key values of the last item, so a page costs
 * one indexed query whatever its depth; the total is counted only if the client asks for `totalCount`.
 */
export async function findPage<T extends { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  request: PageRequest,
  sort: SortKey[] = [],
  idDirection: "asc" | "desc" = sort[0]?.direction ?? "asc",
): Promise<Page<T>> {
  const size = pageSize(request.first);
  const keys: SortKey[] = [...sort, { field: "id", direction: idDirection }];
  const conditions: object[] = [where as object];
  if (request.after) {
    const values = decodeCursor(request.after, keys.length);
    conditions.push(afterKey(keys, values));
  }
  const orderBy = Object.fromEntries(keys.map((k) => [k.field, k.direction]));
  const rows = await em.find(entity, { $and: conditions } as FilterQuery<T>, { orderBy, limit: size + 1 } as never);
  return toPage(
    rows,
    size,
    !!request.after,
    (row) => keys.map((k) => cursorValue((row as Record<string, unknown>)[k.field])),
    () => em.count(entity, where),
  );
}

/** (a, b, id) > (va, vb, vid) spelled out as OR-ed prefixes, honouring each key's direction. */
function afterKey(keys: SortKey[], values: unknown[]): object {
  const branches = keys.map((key, i) => {
    const branch: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) branch[keys[j].field] = values[j];
    branch[key.field] = { [key.direction === "asc" ? "$gt" : "$lt"]: values[i] };
    return branch;
  });
  return { $or: branches };
}

function cursorValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
