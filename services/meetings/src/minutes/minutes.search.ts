import { badInput, decodeCursor, intKey, pageSize, parseId, toPage, type CursorShape, type PageRequest, type RequestContext } from "@contagem/schema";
import { MinutesEntity, MinutesVersionEntity } from "./minutes.entity";
import { foldQuery, highlight } from "./fold";

/** The columns the entity maps: the search document and vector stay in the database. */
const MINUTES_COLUMNS = [
  "id", "created_at", "updated_at", "version", "council_id", "meeting_id", "year", "number", "status", "current_version",
  "approved_at_meeting_id", "approved_at", "gazette_edition", "gazette_pages", "gazette_date", "published_at",
];

/**
 * Ranked hits are paged by position, so a cursor is an offset: a bounded one, since PostgreSQL reads and drops every
 * row before it. Nobody reads past the ten-thousandth hit of a search; a narrower query finds it sooner.
 */
export const MAX_SEARCH_DEPTH = 10_000;
const SEARCH_PAGES: CursorShape = { list: "minutes-search", keys: [intKey(1, MAX_SEARCH_DEPTH)] };

export interface SearchHit {
  minutes: MinutesEntity;
  rank: number;
  excerpt: string;
}

/**
 * Full-text search of published minutes: PostgreSQL's Portuguese configuration over text folded for accents and
 * plurals, with pg_trgm word similarity as a fallback for misspellings; ranked, with a highlighted excerpt.
 * Two statements per page: the ranked ids, then the latest published texts for the excerpts.
 */
export async function searchMinutes(ctx: RequestContext, query: string, councilId: string | undefined, page: PageRequest) {
  const text = query.trim();
  if (text.length < 2 || text.length > 200) throw badInput("query", '"query" must have 2 to 200 characters.');
  const size = pageSize(page.first);
  const folded = foldQuery(text);
  const schema = ctx.em.config.get("schema");
  const offset = page.after ? (decodeCursor(page.after, SEARCH_PAGES)[0] as number) : 0;
  // The last page stops at the deepest position a cursor may name, so every cursor given out can be used.
  const limit = Math.min(size + 1, MAX_SEARCH_DEPTH - offset);
  const councilFilter = councilId != null ? "and m.council_id = ?" : "";
  const councilParams = councilId != null ? [parseId(councilId, "councilId")] : [];
  const columns = MINUTES_COLUMNS.map((c) => `m.${c}`).join(", ");
  type Row = Record<string, unknown> & { rank: number; total: string };
  // Full-text first (GIN index on the tsvector); only when it finds nothing, trigram similarity for misspellings.
  let rows = await ctx.em.execute<Row[]>(
    `select ${columns}, ts_rank_cd(m.search_vector, q)::float8 as rank, count(*) over () as total
     from "${schema}".minutes m, websearch_to_tsquery('portuguese', ?) q
     where m.status = 'PUBLISHED' ${councilFilter} and m.search_vector @@ q
     order by rank desc, m.id desc offset ${offset} limit ${limit}`,
    [folded, ...councilParams],
  );
  if (rows.length === 0 && offset === 0) {
    rows = await ctx.em.execute<Row[]>(
      `select ${columns}, (word_similarity(?, m.search_document) * 0.1)::float8 as rank, count(*) over () as total
       from "${schema}".minutes m
       where m.status = 'PUBLISHED' ${councilFilter} and ? <% m.search_document
       order by rank desc, m.id desc limit ${size + 1}`,
      [folded, ...councilParams, folded],
    );
  }
  const total = rows.length ? Number(rows[0].total) : 0;
  const hits = rows.map(({ rank, total: _t, ...row }) => ({
    minutes: ctx.em.map(MinutesEntity, row),
    rank: Number(rank),
  }));
  const visibleHits = hits.slice(0, size);
  const versions = visibleHits.length
    ? await ctx.em.find(MinutesVersionEntity, {
        $or: visibleHits.map((h) => ({ minutes: h.minutes.id, number: h.minutes.currentVersion })),
      })
    : [];
  const bodyOf = new Map(versions.map((v) => [v.minutes.id, v.body]));
  const withExcerpts: SearchHit[] = hits.map((h) => ({ ...h, excerpt: highlight(bodyOf.get(h.minutes.id) ?? "", text) }));
  let position = offset;
  return toPage(withExcerpts, size, offset > 0, SEARCH_PAGES, () => [++position], async () => total);
}
