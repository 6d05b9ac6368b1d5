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

/** The SQL of one mode: what follows `select … from`, the rank (higher is better) and their parameters (the rank's first). */
interface RankedSql {
  from: string;
  rank: string;
  params: unknown[];
  rankParams: unknown[];
}

/**
 * What a search reads: a table with the search columns `addSearchColumns` gives it (`search_document`, folded, and
 * `search_vector`), the rows search may reach at all, and the columns of a hit.
 */
export interface RankedSource {
  /** The list's name in its cursors: a cursor of one search is refused by another. */
  list: string;
  /** The table, schema-qualified, and its alias in `where` and `documentJoin`. */
  table: string;
  alias: string;
  /** The columns of a hit (those its entity maps): never a heavy search column. */
  columns: string[];
  /** Which rows search may reach (what the public may read) and the caller's filters, with their parameters. */
  where: string;
  params: unknown[];
  /**
   * In full text, a lateral join naming `doc.rank`: the best rank, for the query `q`, of the text of a document the
   * row carries (null when none matches), so that a match inside a PDF finds the record.
   */
  documentJoin?: string;
}

/** Full text over the GIN-indexed vector (and the documents' text); similar words over the trigram-indexed document. */
function rankedSql(source: RankedSource, mode: SearchMode, folded: string): RankedSql {
  const a = source.alias;
  if (mode === "similar") {
    return {
      from: `${source.table} ${a} where ${source.where} and ? <% ${a}.search_document`,
      rank: `(word_similarity(?, ${a}.search_document) * 0.1)::float8`,
      params: [...source.params, folded],
      rankParams: [folded],
    };
  }
  const join = source.documentJoin;
  return {
    from: `${source.table} ${a} cross join websearch_to_tsquery('portuguese', ?) q ${join ?? ""}
      where ${source.where} and (${a}.search_vector @@ q${join ? " or doc.rank is not null" : ""})`,
    rank: join ? `greatest(ts_rank_cd(${a}.search_vector, q), doc.rank)::float8` : `ts_rank_cd(${a}.search_vector, q)::float8`,
    params: [folded, ...source.params],
    rankParams: [],
  };
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
  const ranked = { fulltext: rankedSql(source, "fulltext", folded), similar: rankedSql(source, "similar", folded) };
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
          `select ${source.columns.map((c) => `${source.alias}.${c}`).join(", ")}, ${ranked[mode].rank} as rank, count(*) over () as total
           from ${ranked[mode].from} order by rank desc, ${source.alias}.id desc offset ${offset} limit ${limit}`,
          [...ranked[mode].rankParams, ...ranked[mode].params],
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

/**
 * A migration's step that makes `table` searchable as the minutes are: a folded search document (`fold` of each row's
 * `columns`, which the entity writes from then on), the Portuguese vector PostgreSQL derives from it (a generated
 * column, so the two never drift), a GIN index on the vector and a trigram index on the document for misspellings.
 * The rows already there are folded here, 500 per statement.
 */
export async function addSearchColumns<Row>(
  execute: (sql: string, params?: unknown[]) => Promise<unknown>,
  table: string,
  columns: string[],
  fold: (row: Row) => string,
): Promise<void> {
  // Similar words need pg_trgm: every subgraph that searches creates it, as any of them may run first (or alone).
  await execute(`create extension if not exists pg_trgm`);
  await execute(`alter table ${table}
    add column search_document text,
    add column search_vector tsvector generated always as (to_tsvector('portuguese', coalesce(search_document, ''))) stored`);
  const rows = (await execute(`select id, ${columns.join(", ")} from ${table} order by id`)) as (Row & { id: number })[];
  for (let i = 0; i < rows.length; i += 500) {
    const slice = rows.slice(i, i + 500);
    await execute(
      `update ${table} t set search_document = v.document from (values ${slice.map(() => "(?::int, ?::text)").join(", ")}) as v(id, document) where t.id = v.id`,
      slice.flatMap((row) => [row.id, fold(row)]),
    );
  }
  const name = table.split(".").at(-1)!.replaceAll('"', "");
  await execute(`create index ${name}_search_idx on ${table} using gin (search_vector)`);
  await execute(`create index ${name}_trgm_idx on ${table} using gin (search_document gin_trgm_ops)`);
}
