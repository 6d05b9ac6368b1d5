import { ConnectionType, DateScalar, NodeType, Doc, Source, OwnSources, InheritedSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { MinutesStatus } from "./minutes.enums";
import { Document } from "../documents/document.type";

@ObjectType("GazettePublication", { description: "Where the Diário Oficial de Contagem (DOC) published a record." })
export class GazettePublication {
  @Field(() => Int, { description: "Edition number of the Diário Oficial de Contagem." })
  edition: number;

  @Field(() => String, { nullable: true, description: "Pages in that edition, e.g. `14-16`." })
  pages: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of that edition (YYYY-MM-DD); null when not on record." })
  date: string | null;
}

@ObjectType("Minutes", {
  description: "The minutes (ata) of a meeting. Public once PUBLISHED; every text is an immutable, hashed version.",
})
@Directive('@key(fields: "id")')
export class Minutes extends NodeType {
  @Field(() => Int, { description: "Number within the council's year, e.g. 6 for Ata 006/2026." })
  number: number;

  @Field(() => Int, { description: "The numbering year: the civil year in Contagem (America/Sao_Paulo) of the meeting recorded." })
  year: number;

  @Field(() => MinutesStatus, { description: "Where the minutes stand: DRAFT, APPROVED or PUBLISHED." })
  status: MinutesStatus;

  @Field(() => Date, { nullable: true, description: "When a later meeting approved them (ISO 8601 instant); null before approval." })
  approvedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: "When they were recorded as published (ISO 8601 instant); null before publication." })
  publishedAt?: Date | null;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;

  @OwnSources()
  sources: Source[];
}

@ObjectType("MinutesVersion", { description: "One text of the minutes, with the SHA-256 of its body." })
export class MinutesVersion extends NodeType {
  @Field(() => Int, { description: "1, 2, 3…: each revision or correction adds one." })
  number: number;

  @Field({ description: "The text, in Markdown." })
  body: string;

  @Field({ description: "SHA-256 (hex) of the UTF-8 body: anyone can check the text is the one published." })
  sha256: string;

  @Field({ description: "Role of the author: SECRETARY or ADMIN." })
  authorRole: string;

  @Field(() => String, { nullable: true, description: "Why this version was made (required for corrections)." })
  changeNote?: string | null;

  @Field({ description: "Part of the published record (immutable) or a draft." })
  published: boolean;

  @InheritedSources("the minutes (ata)")
  sources: Source[];
}

@ObjectType("MinutesConnection")
export class MinutesConnection extends ConnectionType(Minutes, "Minutes") {}

@ObjectType("MinutesSearchHit", { description: "Published minutes matching a search, with a highlighted excerpt." })
export class MinutesSearchHit {
  @Field(() => Minutes, { description: "The matching minutes." })
  minutes: object;

  @Field({ description: "Relevance (higher is better)." })
  rank: number;

  @Field({ description: "Excerpt with the matched words in **bold**: of the minutes' text, or of `document` when only it matched." })
  excerpt: string;

  @Field(() => Document, {
    nullable: true,
    description: "The document of the published minutes (e.g. the signed ata as a PDF) whose text matched the query; null when none did.",
  })
  document: object | null;
}

@ObjectType("MinutesSearchConnection")
export class MinutesSearchConnection extends ConnectionType(MinutesSearchHit, "MinutesSearchHit") {}
