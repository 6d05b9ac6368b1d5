import { ConnectionType, NodeType, Source, OwnSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { CouncilKind, CouncilNature, CouncilStatus, QuorumRule } from "./council.enums";

@ObjectType("CouncilRules", {
  description: "The council's own operating rules. Null where its founding act or by-laws are not on record here.",
})
export class CouncilRules {
  @Field(() => Int, { nullable: true, description: "Ordinary meetings a year (6 = every two months)." })
  ordinaryMeetingsPerYear?: number | null;

  @Field(() => Int, { nullable: true, description: "Minimum notice, in days, to convene an ordinary meeting." })
  ordinaryNoticeDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Minimum notice, in hours, to convene an extraordinary meeting." })
  extraordinaryNoticeHours?: number | null;

  @Field(() => QuorumRule, { nullable: true, description: "Quorum needed to open a meeting; null when not on record." })
  quorumRule?: QuorumRule | null;

  @Field(() => Int, { nullable: true, description: "Length of a term (gestão) in years." })
  termLengthYears?: number | null;

  @Field(() => Int, { nullable: true, description: "How many consecutive reappointments a member may have." })
  maxReappointments?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether government and civil society hold equal seats." })
  parity?: boolean | null;
}

@ObjectType("Council", {
  description: "A collegiate body of Contagem's participation system: a policy council, a regional council, a commission.",
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "slug")')
export class Council extends NodeType {
  @Field({ description: "Stable, URL-safe identifier, e.g. `compur` or `conselho-regional-sede`." })
  slug: string;

  @Field(() => String, { nullable: true, description: "Acronym the council uses, e.g. `COMPUR`; null when it has none." })
  acronym?: string | null;

  @Field({ description: "Official name, e.g. `Conselho Municipal de Política Urbana`." })
  name: string;

  @Field(() => CouncilKind, { description: "Kind of collegiate body." })
  kind: CouncilKind;

  @Field(() => String, { nullable: true, description: "Policy area, e.g. `HEALTH`, `URBAN_POLICY`, `TERRITORIAL` (the regional councils); null when not stated." })
  policyArea?: string | null;

  @Field(() => [CouncilNature], {
    description: "Powers its acts give it, as far as `natureStatement` names them (consultivo, deliberativo, normativo, fiscalizador or controlador).",
  })
  nature: CouncilNature[];

  @Field(() => String, {
    nullable: true,
    description: "Its nature as the source words it, e.g. `colegiado, consultivo e deliberativo (desde o Decreto 863/2023)`; null when no source says.",
  })
  natureStatement?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The body it is bound to, as the sources put it, caveats included (e.g. `não informado; convocado e sediado pela …`); `boundTo` is that body when a source names it.",
  })
  boundToStatement?: string | null;

  @Field(() => CouncilStatus, { description: "Whether the council currently operates." })
  status: CouncilStatus;

  @Field(() => CouncilRules, { description: "Its operating rules (each null when not on record)." })
  rules: CouncilRules;

  @Field(() => String, {
    nullable: true,
    description: "What else the sources state (composition, terms, practice), one fact a line under its label (e.g. `posse: 2022-05-03`), caveats kept; free text.",
  })
  notes?: string | null;

  @OwnSources()
  sources: Source[];

  @Field(() => Int, { description: "Optimistic-locking version: send it back as `expectedVersion` when updating." })
  version: number;
}

@ObjectType("CouncilConnection")
export class CouncilConnection extends ConnectionType(Council, "Council") {}
