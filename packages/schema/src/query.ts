import type { EntityManager } from "@mikro-orm/postgresql";
import type { EntityMetadata, EntityName, FilterQuery } from "@mikro-orm/core";
import { decodeCursor, INT2_MAX, INT4_MAX, intKey, stringKey, timestampKey, type CursorKey, type CursorShape } from "./cursor";
import { pageSize, toPage, type Page } from "./pagination";

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
  const shape = sortShape(em.getMetadata().get(entity), keys.map((k) => k.field));
  const conditions: object[] = [where as object];
  if (request.after) conditions.push(afterKey(keys, decodeCursor(request.after, shape)));
  const orderBy = Object.fromEntries(keys.map((k) => [k.field, k.direction]));
  const rows = await em.find(entity, { $and: conditions } as FilterQuery<T>, { orderBy, limit: size + 1 } as never);
  return toPage(
    rows,
    size,
    !!request.after,
    shape,
    (row) => keys.map((k) => (row as Record<string, unknown>)[k.field]),
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

const shapes = new WeakMap<EntityMetadata, Map<string, CursorShape>>();

/**
 * The cursor shape of a list of `meta`'s records sorted by `properties`: each key's type comes from the entity's
 * mapping (its column type), never from the caller or the cursor. A list sorted by a column no cursor can hold
 * (a boolean, JSON) is a bug of ours, found the first time the list is paged.
 */
export function sortShape(meta: EntityMetadata, properties: string[]): CursorShape {
  const known = shapes.get(meta) ?? new Map<string, CursorShape>();
  shapes.set(meta, known);
  const name = `${meta.tableName}(${properties.join(",")})`;
  let shape = known.get(name);
  if (!shape) {
    shape = { list: name, keys: properties.map((p) => sortKeyOf(meta, p)) };
    known.set(name, shape);
  }
  return shape;
}

function sortKeyOf(meta: EntityMetadata, property: string): CursorKey {
  const prop = meta.properties[property as never] as EntityMetadata["props"][number] | undefined;
  const column = prop?.columnTypes?.[0]?.toLowerCase() ?? "";
  const min = (bound: number) => (prop?.primary ? 1 : -bound);
  if (/^(serial|int|integer|int4)\b/.test(column)) return intKey(min(INT4_MAX + 1), INT4_MAX);
  if (/^(smallserial|smallint|int2)\b/.test(column)) return intKey(min(INT2_MAX + 1), INT2_MAX);
  if (/^(bigserial|bigint|int8)\b/.test(column)) return intKey(min(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
  if (/^timestamp/.test(column)) return timestampKey;
  if (/^(varchar|character varying|text|char)/.test(column)) return stringKey(prop?.length);
  throw new Error(`${meta.className} cannot be paged by "${property}" (${column || "not a mapped column"}).`);
}
