import { badInput, decodeCursor, pageSize, parseId, toPage, type PageRequest, type RequestContext } from "@contagem/schema";
import { MinutesEntity, MinutesVersionEntity } from "./minutes.entity";
import { foldQuery, highlight } from "./fold";

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
  const offset = page.after ? Number(decodeCursor(page.after, 1)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw badInput("after", "Invalid cursor.");
  const params: unknown[] = [folded, folded];
  let councilFilter = "";
  if (councilId != null) {
    councilFilter = "and m.council_id = ?";
    params.push(parseId(councilId, "councilId"));
  }
  const rows = await ctx.em.execute<(Record<string, unknown> & { rank: number; total: string })[]>(
    `with q as (select websearch_to_tsquery('portuguese', ?) as tsq, ?::text as words)
     select m.*, (ts_rank_cd(m.search_vector, q.tsq) + word_similarity(q.words, m.search_document) * 0.1)::float8 as rank,
            count(*) over () as total
     from "${schema}".minutes m, q
     where m.status = 'PUBLISHED' ${councilFilter}
       and (m.search_vector @@ q.tsq or q.words <% m.search_document)
     order by rank desc, m.id desc
     offset ${offset} limit ${size + 1}`,
    params,
  );
  const total = rows.length ? Number(rows[0].total) : 0;
  const hits = rows.map(({ rank, total: _t, search_document: _d, search_vector: _v, ...row }) => ({
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
  return toPage(withExcerpts, size, offset > 0, () => [++position], async () => total);
}
