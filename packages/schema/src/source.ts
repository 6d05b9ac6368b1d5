import { Directive, Field, ObjectType } from "type-graphql";

/** A source as stored with a record (jsonb): the same shape every subgraph keeps. */
export interface SourceRecord {
  url: string;
  note?: string | null;
}

/** Shared by every subgraph's seeded records: a value type, so @shareable. */
@ObjectType("Source", {
  description:
    "A public document a record's facts come from (a page of the city portal, its legislation site, the Diário Oficial " +
    "de Contagem, Decide Contagem, the press). Records entered through mutations have none.",
})
@Directive("@shareable")
export class Source {
  @Field({ description: "Absolute http(s) URL of the document, as it was read, e.g. `http://legislacao.contagem.mg.gov.br/legislacao/view/803258`." })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: "What to know about this source for this record: a fact it states only in part, weakly or in contradiction with another.",
  })
  note?: string | null;
}

/**
 * Sources as stored, checked: an absolute http(s) URL each, one entry per URL (in first-seen order) with its distinct
 * notes joined by "; " — a document cited twice, once with a note and once without, is one source.
 */
export function sourcesOf(entries: readonly SourceRecord[]): SourceRecord[] {
  const notes = new Map<string, string[]>();
  for (const { url, note } of entries) {
    if (!/^https?:\/\/[^\s/]+/.test(url)) throw new Error(`Not an absolute http(s) URL: ${JSON.stringify(url)}`);
    const seen = notes.get(url) ?? [];
    if (note && !seen.includes(note)) seen.push(note);
    notes.set(url, seen);
  }
  return [...notes].map(([url, list]) => (list.length ? { url, note: list.join("; ") } : { url }));
}
