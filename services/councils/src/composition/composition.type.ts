import { ConnectionType, DateScalar, NodeType, Doc, Source, OwnSources, InheritedSources } from "@contagem/schema";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { BoardRole, MandateEndReason, MandateRole, Sector } from "./composition.enums";

@ObjectType("SeatRule", { description: "One line of a council's legal composition." })
export class SeatRule extends NodeType {
  @Field(() => Sector, { description: "The sector these seats represent." })
  sector: Sector;

  @Field(() => String, { nullable: true, description: "Segment as the law words it, e.g. `associações comunitárias`." })
  segment?: string | null;

  @Field(() => Int, { description: "Full-member (titular) seats.", deprecationReason: "Use `fullMemberSeats`. Removal after 2027-03-01." })
  titulares: number;

  @Field(() => Int, { description: "Alternate (suplente) seats.", deprecationReason: "Use `alternateSeats`. Removal after 2027-03-01." })
  suplentes: number;

  @InheritedSources("the council whose legal composition this is")
  sources: Source[];
}

@ObjectType("Term", { description: "A council's mandate period (gestão)." })
@Directive('@key(fields: "id")')
export class Term extends NodeType {
  @Field({ description: "Label, e.g. `Gestão 2025-2027`." })
  label: string;

  @Field(() => DateScalar, { description: "First day of the term (YYYY-MM-DD, civil date in Contagem)." })
  startsOn: string;

  @Field(() => DateScalar, { description: "Last day of the term, inclusive (YYYY-MM-DD)." })
  endsOn: string;

  @Field(() => String, { nullable: true, description: "Why ADMIN let this term run longer than the council's `termLengthYears`; null for a term within the rule." })
  lengthOverrideReason?: string | null;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;

  @OwnSources()
  sources: Source[];
}

@ObjectType("Seat", { description: "A post in a term; it exists whether or not someone holds it." })
export class Seat extends NodeType {
  @Field(() => Int, { description: "Position in the term's list of seats." })
  position: number;

  @Field(() => Sector, { description: "The sector the seat represents." })
  sector: Sector;

  @Field(() => String, { nullable: true, description: "Segment as the law words it, e.g. `associações comunitárias`; null when the law names none." })
  segment?: string | null;

  @InheritedSources("the term (gestão) the seat belongs to")
  sources: Source[];
}

@ObjectType("Mandate", {
  description: "A person holding a seat, as full member (titular) or alternate (suplente), for a period (Popolo's Membership of a Post).",
})
@Directive('@key(fields: "id")')
export class Mandate extends NodeType {
  @Field(() => MandateRole, { description: "Whether the person holds the seat as full member (titular) or alternate (suplente)." })
  role: MandateRole;

  @Field(() => BoardRole, { nullable: true, description: "Role on the council's board (mesa diretora); null for an ordinary member." })
  boardRole?: BoardRole | null;

  @Field(() => DateScalar, { description: "First day of the mandate (YYYY-MM-DD, civil date in Contagem)." })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Its last day (inclusive, a civil date in Contagem); null until an end is recorded." })
  endsOn?: string | null;

  @Field(() => MandateEndReason, { nullable: true, description: "Why the mandate ended; null while it runs or when no reason was recorded." })
  endReason?: MandateEndReason | null;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;

  @OwnSources()
  sources: Source[];
}

@ObjectType("TermConnection")
export class TermConnection extends ConnectionType(Term, "Term") {}
