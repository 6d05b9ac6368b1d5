import type { RequestContext } from "./context";
import { allOf, beyondSql, windowSql, type SqlFilter } from "./keyset-sql";
import { pageWindow, type PageRequest } from "./page-window";
import { toPage, type Page } from "./pagination";
import { intKey, type CursorShape } from "./cursor";

/** A log table (the audit log, the removed records) paged by its own bigint identity. */
export const logTablePages = (list: string): CursorShape => ({ list: `${list}(id)`, keys: [intKey(1, Number.MAX_SAFE_INTEGER)] });

/**
 * One page of an append-only table ordered by its `id` identity alone (ids grow with each row, so the order is the
 * order of writing): the page's rows, `totalCount` counted only when asked, and each pageInfo flag by one probe of the
 * primary key's index, run only when selected.
 */
export async function logTablePage<Row extends { id: string | number }, Item>(
  ctx: RequestContext,
  options: { table: string; shape: CursorShape; direction: "asc" | "desc"; filters: SqlFilter[]; page: PageRequest; map: (row: Row) => Item },
): Promise<Page<Item>> {
  const { table, shape, direction, filters } = options;
  const window = pageWindow(options.page, shape);
  const sql = windowSql(["id"], shape, direction, window);
  const where = allOf([...filters, ...sql.range]);
  const rows = await ctx.em.execute<Row[]>(`select * from ${table} where ${where.sql} order by ${sql.order} limit ${window.size + 1}`, where.params);
  const count = async () => {
    const counted = allOf(filters);
    const [{ count }] = await ctx.em.execute<{ count: string }[]>(`select count(*) as count from ${table} where ${counted.sql}`, counted.params);
    return Number(count);
  };
  const exists = async (cursor: unknown[] | null, towards: "after" | "before") => {
    if (!cursor) return false;
    const probe = allOf([...filters, beyondSql(["id"], shape, direction, cursor as number[], towards, true)]);
    const [{ found }] = await ctx.em.execute<{ found: boolean }[]>(`select exists(select 1 from ${table} where ${probe.sql}) as found`, probe.params);
    return found === true;
  };
  const items = rows.map((row) => ({ row, item: options.map(row) }));
  const page = toPage(items, window, shape, ({ row }) => [Number(row.id)], count, {
    previous: () => exists(window.after, "before"),
    next: () => exists(window.before, "after"),
  });
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: edge.node.item })) };
}
