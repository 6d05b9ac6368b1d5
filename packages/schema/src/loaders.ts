import type { EntityName, FilterQuery } from "@mikro-orm/core";
import DataLoader from "dataloader";
import type { RequestContext } from "./context";

type WithId = { id: number };

/**
 * A per-request loader factory for `Entity` by id: every id asked for in one tick becomes one
 * `select … where id in (…)`. Use it as `ctx.loaders.get(councilById).load(id)`.
 */
export function byId<T extends WithId>(entity: EntityName<T>) {
  return (ctx: RequestContext) =>
    new DataLoader<number, T | null>(async (ids) => {
      const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
      const byKey = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byKey.get(id) ?? null);
    });
}

/** Like byId, keyed by another unique column (e.g. a slug). */
export function byUnique<T extends object, K extends keyof T & string>(entity: EntityName<T>, key: K) {
  return (ctx: RequestContext) =>
    new DataLoader<T[K], T | null>(async (values) => {
      const rows = await ctx.em.find(entity, { [key]: { $in: [...values] } } as FilterQuery<T>);
      const byKey = new Map(rows.map((row) => [(row as T)[key], row as T]));
      return values.map((value) => byKey.get(value) ?? null);
    });
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
    });
}
