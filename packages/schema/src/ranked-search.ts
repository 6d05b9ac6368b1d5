import { badInput } from "@contagem/common";
import type { EntityManager } from "@mikro-orm/postgresql";
import { intKey, type CursorShape } from "./cursor";
import { foldQuery } from "./fold";
import { pageWindow, type PageRequest } from "./page-window";
import { toPage, type Page } from "./pagination";

/**
 * Ranked hits are paged by position, so a cursor is an offset: a bounded one, since PostgreSQL reads and drops every
 * row before it. Nobody reads past the ten-thousandth hit of a search; a narrower query finds it sooner.
 */
export const MAX_SEARCH_DEPTH = 10_000;
/** A query's length, trimmed, in characters (else BAD_USER_INPUT). */
export const SEARCH_QUERY_LENGTH = { min: 2, max: 200 } as const;

/** Full text (Portuguese, over folded text) first; similar words (pg_trgm) when full text finds nothing at all. */
export type SearchMode = "fulltext" | "similar";

/**
 * The rows one mode finds: `from` is what follows `select … from` (tables, joins, `where`); `rank` an expression of
 * them (higher is better) whose own parameters come first. In full text, `from` names the query `q`
 * (`websearch_to_tsquery('portuguese', ?)` over the folded query) itself.
 */
export interface RankedSql {
  from: string;
  rank: string;
  params: unknown[];
  rankParams?: unknown[];
}

/** What a search reads: its list name in cursors, the columns of a hit, the order among equal ranks, each mode's rows. */
export interface RankedSource {
  /** The list's name in its cursors: a cursor of one search is refused by another. */
  list: string;
  /** The selected columns, e.g. `m.id, m.status`: never a heavy search column. */
  columns: string;
  /** The order among equal ranks (a unique key), so that positions are stable, e.g. `m.id desc`. */
  tiebreak: string;
  sql(mode: SearchMode, folded: string): RankedSql;
}

export interface RankedHit<Row> {
  row: Row;
  rank: number;
  /** The hit's position in the ranked list, from 1: its cursor. */
  position: number;
}

/** The query as the user typed it (trimmed), folded, and the mode that found the hits. */
export interface SearchTerms {
  text: string;
  folded: string;
  mode: SearchMode;
}

/** The trimmed query, or BAD_USER_INPUT on `query` when it is too short or too long. */
export function searchText(query: string): string {
  const text = query.trim();
  const { min, max } = SEARCH_QUERY_LENGTH;
  if (text.length < min || text.length > max) throw badInput("query", `"query" must have ${min} to ${max} characters.`);
  return text;
}

/**
 * A ranked search, paged by position forward or backward (bounded at MAX_SEARCH_DEPTH): full text unless it finds
 * nothing at all, then every page, and the total, are of similar words. One statement for the page's ranked rows (a
 * count first when `last` pages back from the end, or to tell full text from similar words when a page past the
 * first is empty), then whatever `complete` reads to dress the page's hits (excerpts, matching documents).
 */
export async function rankedSearch<Row extends Record<string, unknown>, Hit>(
  em: EntityManager,
  query: string,
  page: PageRequest,
  source: RankedSource,
  complete: (hits: RankedHit<Row>[], terms: SearchTerms) => Promise<Hit[]>,
): Promise<Page<Hit & { position: number }>> {
  const text = searchText(query);
  const shape: CursorShape = { list: source.list, keys: [intKey(1, MAX_SEARCH_DEPTH)] };
  const window = pageWindow(page, shape);
  const folded = foldQuery(text);
  const ranked = { fulltext: source.sql("fulltext", folded), similar: source.sql("similar", folded) };
  const countOf = async (mode: SearchMode) => {
    const [{ total }] = await em.execute<{ total: string }[]>(`select count(*) as total from ${ranked[mode].from}`, ranked[mode].params);
    return Number(total);
  };
  type Ranked = Row & { rank: number; total: string };
  // Positions `offset + 1` to `offset + limit` of the ranked hits (the rank's own parameters come first).
  const slice = (mode: SearchMode, offset: number, limit: number) =>
    limit <= 0
      ? Promise.resolve([] as Ranked[])
      : em.execute<Ranked[]>(
          `select ${source.columns}, ${ranked[mode].rank} as rank, count(*) over () as total from ${ranked[mode].from}
           order by rank desc, ${source.tiebreak} offset ${offset} limit ${limit}`,
          [...(ranked[mode].rankParams ?? []), ...ranked[mode].params],
        );
  let mode: SearchMode | undefined;
  let total: number | undefined;
  const modeOf = async (): Promise<SearchMode> => {
    if (!mode) {
      total = await countOf("fulltext");
      mode = total > 0 ? "fulltext" : "similar";
      if (mode === "similar") total = undefined;
    }
    return mode;
  };
  const totalOf = async () => (total ??= await countOf(await modeOf()));
  // The range between the cursors, as positions: (lo, hi]. The list ends at the deepest position a cursor may name.
  const lo = (window.after?.[0] as number | undefined) ?? 0;
  const hi = window.before
    ? (window.before[0] as number) - 1
    : Math.min(window.backward ? await totalOf() : MAX_SEARCH_DEPTH, MAX_SEARCH_DEPTH);
  // Read one row more than the page on the side being paged towards: it only tells that more lie that way.
  const from = window.backward ? Math.max(lo, hi - window.size - 1) : lo;
  const to = window.backward ? hi : Math.min(hi, lo + window.size + 1);
  let rows = await slice(mode ?? "fulltext", from, to - from);
  if (rows.length === 0 && !mode && to > from) {
    // Nothing from the first position on: full text finds nothing; otherwise ask.
    if (from === 0) mode = "similar";
    if ((await modeOf()) === "similar") rows = await slice("similar", from, to - from);
  }
  if (rows.length) [mode, total] = [mode ?? "fulltext", Number(rows[0].total)];
  const hits = rows.map(({ rank, total: _t, ...row }, i) => ({ row: row as unknown as Row, rank: Number(rank), position: from + i + 1 }));
  // Paging backward, toPage takes the rows nearest `before` first.
  if (window.backward) hits.reverse();
  const shown = hits.slice(0, window.size);
  const dressed = (await complete(shown, { text, folded, mode: mode ?? "fulltext" })).map((hit, i) => ({ ...hit, position: shown[i].position }));
  // The row beyond the page only tells toPage that more lie that way: it is counted, never read.
  const beyond = hits.slice(window.size).map(() => undefined as unknown as Hit & { position: number });
  return toPage<Hit & { position: number }>([...dressed, ...beyond], window, shape, (h) => [h.position], totalOf, {
    previous: async () => (await totalOf()) > 0,
    next: async () => (await totalOf()) >= (window.before![0] as number),
  });
}
