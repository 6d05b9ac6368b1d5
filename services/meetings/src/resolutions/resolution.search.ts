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

/** Resolutions of the public record, by their number, ementa and text, or by a document attached to them. */
function resolutionSource(schema: string, councilId: string | undefined): RankedSource {
  return {
    list: "resolution-search",
    table: `"${schema}".resolution`,
    alias: "r",
    columns: RESOLUTION_COLUMNS,
    where: `r.status in (${PUBLIC_STATUSES.map((s) => `'${s}'`).join(", ")})${councilId != null ? " and r.council_id = ?" : ""}`,
    params: councilId != null ? [parseId(councilId, "councilId")] : [],
    documentJoin: documentRankJoin(schema, "resolution", "r"),
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
