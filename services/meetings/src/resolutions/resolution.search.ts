import { parseId, rankedSearch, type PageRequest, type RankedSource, type RequestContext } from "@contagem/schema";
import { documentRankJoin, matchingDocuments, withDocumentExcerpts } from "../documents/document.search";
import type { DocumentEntity } from "../documents/document.entity";
import { ResolutionEntity } from "./resolution.entity";
import { ResolutionStatus } from "./resolution.enums";

/** The columns the entity maps: the search document and vector stay in the database. */
const RESOLUTION_COLUMNS = [
  "id", "created_at", "updated_at", "version", "council_id", "year", "number", "date", "summary", "body", "meeting_id",
  "deliberation_id", "status", "amends_id", "revokes_id", "gazette_edition", "gazette_pages", "gazette_date",
];

/**
 * The statuses of the public record: a resolution is public from its adoption on, in force, amended or revoked. Named
 * here rather than implied, so that a status added later (a draft, say) stays out of search until it is said public.
 */
const PUBLIC_STATUSES = [ResolutionStatus.IN_FORCE, ResolutionStatus.AMENDED, ResolutionStatus.REVOKED];

export interface ResolutionSearchHit {
  resolution: ResolutionEntity;
  rank: number;
  excerpt: string;
  /** The document attached to the resolution whose text matched, if one did. */
  document: DocumentEntity | null;
}

function resolutionSource(schema: string, councilId: string | undefined): RankedSource {
  const filters = [`r.status in (${PUBLIC_STATUSES.map((s) => `'${s}'`).join(", ")})`, ...(councilId != null ? ["r.council_id = ?"] : [])].join(" and ");
  const councilParams = councilId != null ? [parseId(councilId, "councilId")] : [];
  return {
    list: "resolution-search",
    columns: RESOLUTION_COLUMNS.map((c) => `r.${c}`).join(", "),
    tiebreak: "r.id desc",
    sql: (mode, folded) =>
      mode === "fulltext"
        ? {
            // Its number, ementa and text, or the text of a document attached to it.
            from: `"${schema}".resolution r cross join websearch_to_tsquery('portuguese', ?) q ${documentRankJoin(schema, "resolution", "r")}
              where ${filters} and (r.search_vector @@ q or doc.rank is not null)`,
            rank: "greatest(ts_rank_cd(r.search_vector, q), doc.rank)::float8",
            params: [folded, ...councilParams],
          }
        : {
            from: `"${schema}".resolution r where ${filters} and ? <% r.search_document`,
            rank: "(word_similarity(?, r.search_document) * 0.1)::float8",
            rankParams: [folded],
            params: [...councilParams, folded],
          },
  };
}

/**
 * Full-text search of resolutions (the shared ranked search): their number, ementa and text, and the text of the
 * documents attached to them. One statement after the ranked rows: the documents whose text matched.
 */
export function searchResolutions(ctx: RequestContext, query: string, councilId: string | undefined, page: PageRequest) {
  const schema = ctx.em.config.get("schema")!;
  return rankedSearch<Record<string, unknown>, ResolutionSearchHit>(ctx.em, query, page, resolutionSource(schema, councilId), async (ranked, terms) => {
    const hits = ranked.map((h) => ({ resolution: ctx.em.map(ResolutionEntity, h.row), rank: h.rank }));
    const documents = terms.mode === "fulltext" ? await matchingDocuments(ctx, hits.map((h) => h.resolution.id), terms.folded, "resolution") : new Map();
    return withDocumentExcerpts(hits, (h) => h.resolution.id, (h) => `${h.resolution.summary}\n\n${h.resolution.body}`, documents, terms.text);
  });
}
