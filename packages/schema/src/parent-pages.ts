import type { EntityManager } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import type { RequestContext } from "./context";
import { batchOptions } from "./loaders";
import type { CursorValue } from "./cursor";
import { allOf, beyondSql, windowSql, type SqlFilter } from "./keyset-sql";
import { toPage, type Page } from "./pagination";
import { pageWindow, type PageRequest } from "./page-window";
import { sortShape } from "./query";

export interface ParentPagesSpec {
  /** Entity class whose rows are paged (the table comes from its metadata). */
  entity: new () => { id: number };
  /** Column holding the parent's id, e.g. `council_id`. */
  parentColumn: string;
  /** Sort columns, most significant first, all in one direction; `id` is appended as the tie-breaker. */
  sort: { column: string; property: string }[];
  direction: "asc" | "desc";
  /** Extra conditions (the connection's filter), as SQL over the table alias `t`. */
  filter?: SqlFilter;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

function tableOf(em: EntityManager, entity: ParentPagesSpec["entity"]): string {
  const meta = em.getMetadata().get(entity.name);
  return `"${em.config.get("schema")}"."${meta.tableName}"`;
}

/** The columns the entity maps (lazy ones aside): big columns it does not map (search vectors…) stay in the table. */
export function entityColumns(em: EntityManager, entity: ParentPagesSpec["entity"]): string[] {
  const meta = em.getMetadata().get(entity.name);
  const columns = new Set<string>();
  for (const prop of meta.props) {
    // An embedded object has no column of its own: its properties (listed apart, e.g. `location_name`) have them.
    if (prop.lazy || prop.persist === false || prop.kind === "1:m" || prop.kind === "m:n" || prop.kind === "embedded") continue;
    for (const field of prop.fieldNames ?? []) columns.add(field);
  }
  return [...columns];
}

const parentValues = (parentIds: readonly number[]) => `(values ${parentIds.map(() => "(?::int)").join(", ")}) as parent(id)`;

/**
 * Pages of children for many parents in one statement (a window function per parent): `council.meetings(first: 5)`
 * over 50 councils costs one query, not 50, and so does `last: 5, before: …`. Parents asking with the same
 * arguments share the batch.
 */
export function pagesByParent<T extends { id: number }>(ctx: RequestContext, key: string, spec: ParentPagesSpec, request: PageRequest) {
  return ctx.loaders.keyed(`pages:${key}:${JSON.stringify(spec.filter ?? null)}:${JSON.stringify(request)}`, () => {
    const columns = [...spec.sort.map((s) => s.column), "id"];
    for (const column of [spec.parentColumn, ...columns]) if (!IDENT.test(column)) throw new Error(`Bad column ${column}`);
    const shape = sortShape(ctx.em.getMetadata().get(spec.entity.name), [...spec.sort.map((s) => s.property), "id"]);
    const window = pageWindow(request, shape);
    const sql = windowSql(columns.map((c) => `t.${c}`), shape, spec.direction, window);
    return new DataLoader<number, Page<T>>(async (parentIds) => {
      const em = ctx.em;
      // Per parent, an index range scan with its own LIMIT (a lateral join), never the parent's whole list.
      const where = allOf([spec.filter, ...sql.range]);
      const select = entityColumns(em, spec.entity).map((c) => `t."${c}"`).join(", ");
      const rows = await em.execute<Record<string, unknown>[]>(
        `select page.* from ${parentValues(parentIds)}
         cross join lateral (select ${select} from ${tableOf(em, spec.entity)} t
           where t.${spec.parentColumn} = parent.id and ${where.sql} order by ${sql.order} limit ${window.size + 1}) page`,
        [...parentIds, ...where.params],
      );
      const groups = new Map<number, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) {
        groups.get(Number(row[spec.parentColumn]))?.push(em.map(spec.entity, row) as unknown as T);
      }
      const counts = countsByParent(ctx, key, spec);
      const probe = (cursor: CursorValue[] | null, towards: "after" | "before") =>
        cursor ? existsByParent(ctx, key, spec, beyondSql(columns.map((c) => `t.${c}`), shape, spec.direction, cursor, towards, true)) : null;
      const previous = probe(window.after, "before");
      const next = probe(window.before, "after");
      return parentIds.map((id) =>
        toPage(
          groups.get(id)!,
          window,
          shape,
          (item) => [...spec.sort.map((s) => (item as Record<string, unknown>)[s.property]), item.id],
          () => counts.load(id),
          { previous: previous ? () => previous.load(id) : undefined, next: next ? () => next.load(id) : undefined },
        ),
      );
    }, batchOptions);
  });
}

/**
 * Whether each parent has children beyond a cursor (`pageInfo` flags of the direction not paged), one statement for
 * all parents, run only when a client selects the flag.
 */
function existsByParent(ctx: RequestContext, key: string, spec: ParentPagesSpec, beyond: SqlFilter) {
  return ctx.loaders.keyed(`beyond:${key}:${JSON.stringify(spec.filter ?? null)}:${JSON.stringify(beyond)}`, () =>
    new DataLoader<number, boolean>(async (parentIds) => {
      const where = allOf([spec.filter, beyond]);
      const rows = await ctx.em.execute<{ parent: number; found: boolean }[]>(
        `select parent.id as parent, exists(select 1 from ${tableOf(ctx.em, spec.entity)} t
           where t.${spec.parentColumn} = parent.id and ${where.sql}) as found from ${parentValues(parentIds)}`,
        // The subquery's parameters come first in the statement's text.
        [...where.params, ...parentIds],
      );
      const found = new Map(rows.map((r) => [Number(r.parent), r.found === true || String(r.found) === "true"]));
      return parentIds.map((id) => found.get(id) ?? false);
    }, batchOptions),
  );
}

/** Totals per parent for `totalCount`, one grouped statement for all parents, run only when asked for. */
function countsByParent(ctx: RequestContext, key: string, spec: ParentPagesSpec) {
  return ctx.loaders.keyed(`counts:${key}:${spec.filter ? JSON.stringify(spec.filter) : ""}`, () =>
    new DataLoader<number, number>(async (parentIds) => {
      const params: unknown[] = [...parentIds];
      let where = `t.${spec.parentColumn} in (${parentIds.map(() => "?").join(", ")})`;
      if (spec.filter) {
        where += ` and (${spec.filter.sql})`;
        params.push(...spec.filter.params);
      }
      const rows = await ctx.em.execute<{ parent: number; total: string }[]>(
        `select t.${spec.parentColumn} as parent, count(*) as total from ${tableOf(ctx.em, spec.entity)} t where ${where} group by t.${spec.parentColumn}`,
        params,
      );
      const totals = new Map(rows.map((r) => [Number(r.parent), Number(r.total)]));
      return parentIds.map((id) => totals.get(id) ?? 0);
    }, batchOptions),
  );
}
