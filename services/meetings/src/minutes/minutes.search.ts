import { badInput, intKey, pageWindow, parseId, toPage, type CursorShape, type PageRequest, type RequestContext } from "@contagem/schema";
import { MinutesEntity, MinutesVersionEntity } from "./minutes.entity";
import { foldQuery, highlight } from "./fold";
import { documentRankJoin, matchingDocuments } from "../documents/document.search";
import type { DocumentEntity } from "../documents/document.entity";

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
  /** The document (the signed ata) whose text matched, if one did. */
  document: DocumentEntity | null;
}

type Mode = "fulltext" | "similar";

/**
 * Full-text search of published minutes: PostgreSQL's Portuguese configuration over text folded for accents and
 * plurals, with pg_trgm word similarity as a fallback for misspellings (when full text finds nothing at all); ranked,
 * with a highlighted excerpt. Hits are paged by position, forward or backward: two statements per page (the ranked
 * ids, then the latest published texts for the excerpts), a count first when `last` pages back from the end.
 */
export async function searchMinutes(ctx: RequestContext, query: string, councilId: string | undefined, page: PageRequest) {
  const text = query.trim();
  if (text.length < 2 || text.length > 200) throw badInput("query", '"query" must have 2 to 200 characters.');
  const window = pageWindow(page, SEARCH_PAGES);
  const folded = foldQuery(text);
  const schema = ctx.em.config.get("schema");
  const councilFilter = councilId != null ? "and m.council_id = ?" : "";
  const councilParams = councilId != null ? [parseId(councilId, "councilId")] : [];
  const columns = MINUTES_COLUMNS.map((c) => `m.${c}`).join(", ");
  // Full-text matches use the GIN index on the tsvector; trigram similarity catches misspellings.
  const ranked: Record<Mode, { from: string; rank: string; params: unknown[] }> = {
    fulltext: {
      // The text of the minutes, or of a document their published versions carry (the signed PDF).
      from: `"${schema}".minutes m cross join websearch_to_tsquery('portuguese', ?) q ${documentRankJoin(schema!)}
        where m.status = 'PUBLISHED' ${councilFilter} and (m.search_vector @@ q or doc.rank is not null)`,
      rank: "greatest(ts_rank_cd(m.search_vector, q), doc.rank)::float8",
      params: [folded, ...councilParams],
    },
    similar: {
      from: `"${schema}".minutes m where m.status = 'PUBLISHED' ${councilFilter} and ? <% m.search_document`,
      rank: "(word_similarity(?, m.search_document) * 0.1)::float8",
      params: [...councilParams, folded],
    },
  };
  const countOf = async (mode: Mode) => {
    const [{ total }] = await ctx.em.execute<{ total: string }[]>(`select count(*) as total from ${ranked[mode].from}`, ranked[mode].params);
    return Number(total);
  };
  type Row = Record<string, unknown> & { rank: number; total: string };
  // Positions `offset + 1` to `offset + limit` of the ranked hits (the rank's own parameter comes first).
  const slice = (mode: Mode, offset: number, limit: number) =>
    limit <= 0
      ? Promise.resolve([] as Row[])
      : ctx.em.execute<Row[]>(
          `select ${columns}, ${ranked[mode].rank} as rank, count(*) over () as total from ${ranked[mode].from}
           order by rank desc, m.id desc offset ${offset} limit ${limit}`,
          [...(mode === "similar" ? [folded] : []), ...ranked[mode].params],
        );
  let mode: Mode | undefined;
  let total: number | undefined;
  /** Full text unless it finds nothing at all: then every page, and the total, are of similar words. */
  const modeOf = async (): Promise<Mode> => {
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
  const hits = rows.map(({ rank, total: _t, ...row }, i) => ({
    minutes: ctx.em.map(MinutesEntity, row),
    rank: Number(rank),
    position: from + i + 1,
  }));
  // Paging backward, toPage takes the rows nearest `before` first.
  if (window.backward) hits.reverse();
  const visibleHits = hits.slice(0, window.size);
  const versions = visibleHits.length
    ? await ctx.em.find(MinutesVersionEntity, {
        $or: visibleHits.map((h) => ({ minutes: h.minutes.id, number: h.minutes.currentVersion })),
      })
    : [];
  const bodyOf = new Map(versions.map((v) => [v.minutes.id, v.body]));
  const documents = mode === "fulltext" ? await matchingDocuments(ctx, visibleHits.map((h) => h.minutes.id), folded) : new Map();
  const withExcerpts = hits.map((h) => {
    const inText = highlight(bodyOf.get(h.minutes.id) ?? "", text);
    const inDocument = documents.get(h.minutes.id);
    // The excerpt shows where the words are: the minutes' text when it has them, else the document's.
    const excerpt = inText.includes("**") || !inDocument ? inText : highlight(inDocument.text, text);
    return { ...h, excerpt, document: inDocument?.document ?? null };
  });
  return toPage<SearchHit & { position: number }>(withExcerpts, window, SEARCH_PAGES, (h) => [h.position], totalOf, {
    previous: async () => (await totalOf()) > 0,
    next: async () => (await totalOf()) >= (window.before![0] as number),
  });
}
