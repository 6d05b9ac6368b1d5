import { tryParseId } from "./node";
import { wrap, type EntityName, type FilterQuery } from "@mikro-orm/core";
import DataLoader from "dataloader";
import type { RequestContext } from "./context";

type WithId = { id: number };

/**
 * Loads are dispatched when the event loop next polls, not at the end of the current microtask queue: async
 * resolvers at one depth of a query (awaiting a visibility check, say) then land in the same batch as the
 * synchronous ones, so a request's statement count depends on its shape only, never on resolver timing.
 */
export const batchOptions = { batchScheduleFn: (callback: () => void) => setImmediate(callback) };

/**
 * A per-request loader factory for `Entity` by id: every id asked for in one tick becomes one
 * `select … where id in (…)`. Use it as `ctx.loaders.get(councilById).load(id)`.
 */
export function byId<T extends WithId>(entity: EntityName<T>) {
  return (ctx: RequestContext) =>
    new DataLoader<number, T | null>(async (ids) => {
      // Records this request already holds (a list it loaded, say) come from its identity map, not the database.
      const name = typeof entity === "string" ? entity : (entity as { name: string }).name;
      const unitOfWork = ctx.em.getUnitOfWork();
      const held = new Map<number, T>();
      for (const id of ids) {
        const found = unitOfWork.getById<T>(name, id as never);
        // A reference not yet loaded (a relation's stub) is in the identity map too: only loaded records count.
        if (found && wrap(found).isInitialized()) held.set(id, found);
      }
      const missing = ids.filter((id) => !held.has(id));
      const rows = missing.length ? await ctx.em.find(entity, { id: { $in: missing } } as unknown as FilterQuery<T>) : [];
      for (const row of rows) held.set(row.id, row as T);
      return ids.map((id) => held.get(id) ?? null);
    }, batchOptions);
}

/** Like byId, keyed by another unique column (e.g. a slug). */
export function byUnique<T extends object, K extends keyof T & string>(entity: EntityName<T>, key: K) {
  return (ctx: RequestContext) =>
    new DataLoader<T[K], T | null>(async (values) => {
      const rows = await ctx.em.find(entity, { [key]: { $in: [...values] } } as FilterQuery<T>);
      const byKey = new Map(rows.map((row) => [(row as T)[key], row as T]));
      return values.map((value) => byKey.get(value) ?? null);
    }, batchOptions);
}

/** Children by parent id (one-to-many), one query for all parents of a page. */
export function byParent<T extends object>(
  entity: EntityName<T>,
  parentKey: string,
  orderBy: Record<string, "asc" | "desc"> = { id: "asc" },
  where: FilterQuery<T> = {} as FilterQuery<T>,
) {
  return (ctx: RequestContext) =>
    new DataLoader<number, T[]>(async (parentIds) => {
      const rows = await ctx.em.find(
        entity,
        { ...(where as object), [parentKey]: { $in: [...parentIds] } } as FilterQuery<T>,
        { orderBy } as never,
      );
      const groups = new Map<number, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) {
        const ref = (row as Record<string, unknown>)[parentKey] as { id: number } | number;
        groups.get(typeof ref === "number" ? ref : ref.id)?.push(row);
      }
      return parentIds.map((id) => groups.get(id)!);
    }, batchOptions);
}

/** An entity's `__resolveReference` through its per-request loader by id: an id that cannot exist finds nothing. */
export const referenceById =
  <T>(factory: (ctx: RequestContext) => DataLoader<number, T | null>) =>
  (ref: { id?: string }, ctx: RequestContext): Promise<T | null> | null => {
    const id = ref.id == null ? null : tryParseId(ref.id);
    return id === null ? null : ctx.loaders.get(factory).load(id);
  };
