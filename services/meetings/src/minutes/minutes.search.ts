import { parseId, rankedSearch, type PageRequest, type RankedSource, type RequestContext } from "@contagem/schema";
import { MinutesEntity, MinutesVersionEntity } from "./minutes.entity";
import { documentRankJoin, matchingDocuments, withDocumentExcerpts } from "../documents/document.search";
import type { DocumentEntity } from "../documents/document.entity";

/** The columns the entity maps: the search document and vector stay in the database. */
const MINUTES_COLUMNS = [
  "id", "created_at", "updated_at", "version", "council_id", "meeting_id", "year", "number", "status", "current_version",
  "approved_at_meeting_id", "approved_at", "gazette_edition", "gazette_pages", "gazette_date", "published_at",
];

export interface SearchHit {
  minutes: MinutesEntity;
  rank: number;
  excerpt: string;
  /** The document (the signed ata) whose text matched, if one did. */
  document: DocumentEntity | null;
}

/** Published minutes, by their text or by a document their published versions carry (the signed PDF). */
function minutesSource(schema: string, councilId: string | undefined): RankedSource {
  return {
    list: "minutes-search",
    table: `"${schema}".minutes`,
    alias: "m",
    columns: MINUTES_COLUMNS,
    where: `m.status = 'PUBLISHED'${councilId != null ? " and m.council_id = ?" : ""}`,
    params: councilId != null ? [parseId(councilId, "councilId")] : [],
    documentJoin: documentRankJoin(schema),
  };
}

/**
 * Full-text search of published minutes (the shared ranked search: Portuguese full text over folded text, similar
 * words when it finds nothing, paged by position). Two statements per page after the ranked rows: the latest
 * published texts for the excerpts, and the documents whose text matched.
 */
export async function searchMinutes(ctx: RequestContext, query: string, councilId: string | undefined, page: PageRequest) {
  const schema = ctx.em.config.get("schema")!;
  return rankedSearch<Record<string, unknown>, SearchHit>(ctx.em, query, page, minutesSource(schema, councilId), async (ranked, terms) => {
    const hits = ranked.map((h) => ({ minutes: ctx.em.map(MinutesEntity, h.row), rank: h.rank }));
    const versions = hits.length
      ? await ctx.em.find(MinutesVersionEntity, { $or: hits.map((h) => ({ minutes: h.minutes.id, number: h.minutes.currentVersion })) })
      : [];
    const bodyOf = new Map(versions.map((v) => [v.minutes.id, v.body]));
    const documents = terms.mode === "fulltext" ? await matchingDocuments(ctx, hits.map((h) => h.minutes.id), terms.folded) : new Map();
    return withDocumentExcerpts(hits, (h) => h.minutes.id, (h) => bodyOf.get(h.minutes.id) ?? "", documents, terms.text);
  });
}
