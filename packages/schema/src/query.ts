import type { EntityManager } from "@mikro-orm/postgresql";
import type { EntityMetadata, EntityName, FilterQuery } from "@mikro-orm/core";
import { INT2_MAX, INT4_MAX, intKey, stringKey, timestampKey, type CursorKey, type CursorShape } from "./cursor";
import { toPage, type Page } from "./pagination";
import { pageWindow, type PageRequest } from "./page-window";

/** Sort keys of a list, most significant first; `id` is appended as the tie-breaker. */
export type SortKey = { field: string; direction: "asc" | "desc" };

/**
 * One page of `entity` by keyset pagination: the cursors hold the sort-key values of an item, so a page costs one
 * indexed query whatever its depth, forward or backward (backward reads the index the other way and turns the rows
 * back). The total is counted only if the client asks for `totalCount`; what lies beyond a cursor only if it asks
 * for the flag that says so.
 */
export async function findPage<T extends { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  request: PageRequest,
  sort: SortKey[] = [],
  idDirection: "asc" | "desc" = sort[0]?.direction ?? "asc",
): Promise<Page<T>> {
  const keys: SortKey[] = [...sort, { field: "id", direction: idDirection }];
  const shape = sortShape(em.getMetadata().get(entity), keys.map((k) => k.field));
  const window = pageWindow(request, shape);
  const conditions: object[] = [where as object];
  if (window.after) conditions.push(beyondKey(keys, window.after, "after"));
  if (window.before) conditions.push(beyondKey(keys, window.before, "before"));
  const flip = (d: "asc" | "desc") => (d === "asc" ? "desc" : "asc");
  const orderBy = Object.fromEntries(keys.map((k) => [k.field, window.backward ? flip(k.direction) : k.direction]));
  const rows = await em.find(entity, { $and: conditions } as FilterQuery<T>, { orderBy, limit: window.size + 1 } as never);
  const exists = async (condition: object) =>
    (await em.find(entity, { $and: [where as object, condition] } as FilterQuery<T>, { limit: 1 } as never)).length > 0;
  return toPage(
    rows,
    window,
    shape,
    (row) => keys.map((k) => (row as Record<string, unknown>)[k.field]),
    () => em.count(entity, where),
    {
      previous: () => exists(beyondKey(keys, window.after!, "before", true)),
      next: () => exists(beyondKey(keys, window.before!, "after", true)),
    },
  );
}

/**
 * (a, b, id) beyond (va, vb, vid) in the list's order, towards its end ("after") or its start ("before"), spelled
 * out as OR-ed prefixes honouring each key's direction; `inclusive` admits the item at the cursor itself.
 */
function beyondKey(keys: SortKey[], values: unknown[], towards: "after" | "before", inclusive = false): object {
  const branches = keys.map((key, i) => {
    const branch: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) branch[keys[j].field] = values[j];
    branch[key.field] = { [(key.direction === "asc") === (towards === "after") ? "$gt" : "$lt"]: values[i] };
    return branch;
  });
  if (inclusive) branches.push(Object.fromEntries(keys.map((k, i) => [k.field, values[i]])));
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
