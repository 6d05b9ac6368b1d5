import { highlight, type RequestContext } from "@contagem/schema";
import { DocumentEntity } from "./document.entity";

/**
 * The searchable documents of each kind of record, as SQL over `d` (document) with the owner's id: only documents
 * anyone may read, never withdrawn ones — what search reaches is what anyone may read. A minutes' documents are those
 * of their published versions (the signed ata); a resolution's are public from the start.
 */
const OWNERS = {
  minutes: {
    from: (s: string) => `"${s}".minutes_version v join "${s}".document d on d.minutes_version_id = v.id and d.withdrawn_at is null`,
    owner: "v.minutes_id",
    where: "v.published",
  },
  resolution: {
    from: (s: string) => `"${s}".document d`,
    owner: "d.resolution_id",
    where: "d.withdrawn_at is null",
  },
} as const;

export type DocumentOwner = keyof typeof OWNERS;

/**
 * The best rank, for the record `alias` (minutes `m`, resolution `r`) and the query `q`, of the text of a document it
 * carries: a lateral join a search adds, so that a match inside the PDF finds the record.
 */
export const documentRankJoin = (schema: string, kind: DocumentOwner = "minutes", alias = "m") => {
  const owner = OWNERS[kind];
  return `left join lateral (
    select max(ts_rank_cd(c.search_vector, q))::float8 as rank
    from ${owner.from(schema)}
    join "${schema}".document_content c on c.sha256 = d.sha256
    where ${owner.owner} = ${alias}.id and ${owner.where} and c.search_vector @@ q
  ) doc on true`;
};

/** For each of these records, the document whose text best matches the query, with that text. */
export async function matchingDocuments(ctx: RequestContext, ids: number[], folded: string, kind: DocumentOwner = "minutes") {
  if (!ids.length) return new Map<number, { document: DocumentEntity; text: string }>();
  const schema = ctx.em.config.get("schema")!;
  const owner = OWNERS[kind];
  const rows = await ctx.em.execute<(Record<string, unknown> & { owner_id: number; text: string })[]>(
    `select distinct on (${owner.owner}) ${owner.owner} as owner_id, c.text, d.*
     from ${owner.from(schema)}
     join "${schema}".document_content c on c.sha256 = d.sha256,
     websearch_to_tsquery('portuguese', ?) q
     where ${owner.owner} in (${ids.map(() => "?").join(", ")}) and ${owner.where} and c.search_vector @@ q
     order by ${owner.owner}, ts_rank_cd(c.search_vector, q) desc, d.id`,
    [folded, ...ids],
  );
  return new Map(rows.map(({ owner_id, text, ...row }) => [Number(owner_id), { document: ctx.em.map(DocumentEntity, row), text }]));
}

/**
 * Each hit with its excerpt and matching document: the excerpt shows where the words are — the record's own text when
 * it has them, else the document's.
 */
export function withDocumentExcerpts<H>(
  hits: H[],
  idOf: (hit: H) => number,
  textOf: (hit: H) => string,
  documents: Map<number, { document: DocumentEntity; text: string }>,
  query: string,
): (H & { excerpt: string; document: DocumentEntity | null })[] {
  return hits.map((hit) => {
    const inText = highlight(textOf(hit), query);
    const inDocument = documents.get(idOf(hit));
    const excerpt = inText.includes("**") || !inDocument ? inText : highlight(inDocument.text, query);
    return { ...hit, excerpt, document: inDocument?.document ?? null };
  });
}
