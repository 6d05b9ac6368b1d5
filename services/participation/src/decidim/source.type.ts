import { Field, ObjectType } from "type-graphql";
import type { ImportedFrom } from "./source.entity";
import { SourceSystem } from "./source.enums";

@ObjectType("RecordSource", {
  description:
    "Which system a record is kept in. CONTAGEM: this graph (url, externalId and importedAt are null). DECIDIM: imported from " +
    "Decide Contagem's public API by the scheduled sync (every 15 minutes by default), read-only here (writes: RECORD_IMMUTABLE); " +
    "it leaves the graph when Decidim deletes, hides (moderation) or unpublishes it.",
})
export class RecordSource {
  @Field(() => SourceSystem, { description: "The system the record is kept in." })
  system: SourceSystem;

  @Field(() => String, { nullable: true, description: "Its public page there (absolute URL); null for CONTAGEM." })
  url: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its type and id there, e.g. "Proposal/123" or "Project/7" (Decidim ids are unique per type); null for CONTAGEM.',
  })
  externalId: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "When its current content was read there (ISO 8601 instant): the sync that last found it changed; null for CONTAGEM.",
  })
  importedAt: Date | null;
}

const OURS: RecordSource = { system: SourceSystem.CONTAGEM, url: null, externalId: null, importedAt: null };

/** The public shape of a row's `importedFrom` columns. */
export function recordSource(from: ImportedFrom | null | undefined): RecordSource {
  if (!from?.system) return OURS;
  return { system: from.system, url: from.url, externalId: `${from.type}/${from.externalId}`, importedAt: from.importedAt };
}

export const SOURCE_DESCRIPTION = "Which system the record is kept in: CONTAGEM (this graph) or DECIDIM (imported, read-only here).";
