import { ConnectionType, NodeType, Source, Doc, OwnSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { PhaseKind, ProcessKind, ProcessStatus } from "./process.enums";

@ObjectType("ParticipatoryProcess", {
  description:
    "A participatory process: a vote, a works budget, a consultation, an election… One imported from Decide Contagem " +
    "(`source.system` DECIDIM) is read-only here, with its proposals: writes to it are refused with RECORD_IMMUTABLE (make them on Decidim).",
})
@Directive('@key(fields: "id")')
export class ParticipatoryProcess extends NodeType {
  @Field(() => ProcessKind, { description: "Kind of process." })
  kind: ProcessKind;

  @Field({ description: "Its title, as the city words it." })
  title: string;

  @Field({ description: "The process's description in Markdown, up to 20,000 characters." })
  description: string;

  @Field(() => ProcessStatus, { description: "Where the process stands." })
  status: ProcessStatus;

  @Field(() => Int, { nullable: true, description: 'For votes: how many options each participant may pick ("3 of 5").' })
  maxChoices?: number | null;

  @Field(() => String, { nullable: true, description: "The rules, as the process's act words them." })
  rulesText?: string | null;

  @Field(() => String, { nullable: true, description: "Where the public record of the process is." })
  sourceUrl?: string | null;

  @OwnSources()
  sources: Source[];

  @Field(() => Int, { description: Doc.VERSION })
  version: number;
}

@ObjectType("Phase", { description: "A phase of a process, with its dates." })
export class Phase {
  @Field(() => Int, { description: "Position among the process's phases, from 1." })
  position: number;

  @Field(() => PhaseKind, { description: "What citizens can do in this phase." })
  kind: PhaseKind;

  @Field({ description: "Its title, as the city words it." })
  title: string;

  @Field({ description: "When it starts (ISO 8601 instant with its offset)." })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: "Null when the end is not on record." })
  endsAt?: Date | null;
}

@ObjectType("ParticipatoryProcessConnection")
export class ParticipatoryProcessConnection extends ConnectionType(ParticipatoryProcess, "ParticipatoryProcess") {}
