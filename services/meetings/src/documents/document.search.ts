import type { RequestContext } from "@contagem/schema";
import { DocumentEntity } from "./document.entity";

/**
 * The best rank, for minutes `m` and the query `q`, of the text of a document their published versions carry (the
 * signed ata): a lateral join the minutes search adds, so that a match inside the PDF finds the minutes. Only
 * documents of published versions, never withdrawn ones: what search reaches is what anyone may read.
 */
export const documentRankJoin = (schema: string) => `left join lateral (
    select max(ts_rank_cd(c.search_vector, q))::float8 as rank
    from "${schema}".minutes_version v
    join "${schema}".document d on d.minutes_version_id = v.id and d.withdrawn_at is null
    join "${schema}".document_content c on c.sha256 = d.sha256
    where v.minutes_id = m.id and v.published and c.search_vector @@ q
  ) doc on true`;

/** For each of these minutes, the published document whose text best matches the query, with that text. */
export async function matchingDocuments(ctx: RequestContext, minutesIds: number[], folded: string) {
  if (!minutesIds.length) return new Map<number, { document: DocumentEntity; text: string }>();
  const schema = ctx.em.config.get("schema");
  const rows = await ctx.em.execute<(Record<string, unknown> & { minutes_id: number; text: string })[]>(
    `select distinct on (v.minutes_id) v.minutes_id, c.text, d.*
     from "${schema}".minutes_version v
     join "${schema}".document d on d.minutes_version_id = v.id and d.withdrawn_at is null
     join "${schema}".document_content c on c.sha256 = d.sha256,
     websearch_to_tsquery('portuguese', ?) q
     where v.minutes_id in (${minutesIds.map(() => "?").join(", ")}) and v.published and c.search_vector @@ q
     order by v.minutes_id, ts_rank_cd(c.search_vector, q) desc, d.id`,
    [folded, ...minutesIds],
  );
  return new Map(
    rows.map(({ minutes_id, text, ...row }) => [Number(minutes_id), { document: ctx.em.map(DocumentEntity, row), text }]),
  );
}
