import { ConnectionType, DateScalar, NodeType, Source, OwnSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Document } from "../documents/document.type";
import { ResolutionStatus } from "./resolution.enums";

@ObjectType("Resolution", { description: "A resolution of a council, numbered per council and year." })
@Directive('@key(fields: "id")')
export class Resolution extends NodeType {
  @Field(() => Int, { description: "Number within the council's numbering year, e.g. 1 for 001/2021." })
  number: number;

  @Field(() => Int, { description: "The numbering year: the year of `date`." })
  year: number;

  @Field(() => DateScalar, { description: "Date of adoption; by default the meeting's civil date in Contagem (America/Sao_Paulo)." })
  date: string;

  @Field({ description: "Ementa: what the resolution is about." })
  summary: string;

  @Field({ description: "Full text, in Markdown." })
  body: string;

  @Field(() => ResolutionStatus, { description: "Whether it is in force, amended or revoked." })
  status: ResolutionStatus;

  @Field(() => Int, { description: "Optimistic-locking version: send it as `expectedVersion` to amend or revoke." })
  version: number;

  @OwnSources()
  sources: Source[];
}

@ObjectType("ResolutionConnection")
export class ResolutionConnection extends ConnectionType(Resolution, "Resolution") {}

@ObjectType("ResolutionSearchHit", { description: "A resolution matching a search, with a highlighted excerpt." })
export class ResolutionSearchHit {
  @Field(() => Resolution, { description: "The matching resolution." })
  resolution: object;

  @Field({ description: "Relevance (higher is better): comparable within one search only." })
  rank: number;

  @Field({ description: "Excerpt (about 240 characters) with the matched words in **bold**: of the ementa and text, or of `document` when only it matched." })
  excerpt: string;

  @Field(() => Document, {
    nullable: true,
    description: "The document attached to the resolution (e.g. its signed PDF) whose text matched the query; null when none did.",
  })
  document: object | null;
}

@ObjectType("ResolutionSearchConnection")
export class ResolutionSearchConnection extends ConnectionType(ResolutionSearchHit, "ResolutionSearchHit") {}
