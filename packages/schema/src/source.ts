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

/** Sources as stored, checked: an absolute http(s) URL each, duplicates (same URL and note) dropped. */
export function sourcesOf(entries: readonly SourceRecord[]): SourceRecord[] {
  const seen = new Set<string>();
  const out: SourceRecord[] = [];
  for (const { url, note } of entries) {
    if (!/^https?:\/\/[^\s/]+/.test(url)) throw new Error(`Not an absolute http(s) URL: ${JSON.stringify(url)}`);
    const key = `${url}\n${note ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(note ? { url, note } : { url });
  }
  return out;
}
