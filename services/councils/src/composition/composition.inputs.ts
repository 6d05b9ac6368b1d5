import { DateScalar, LongText, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { BoardRole, MandateEndReason, MandateRole, Sector } from "./composition.enums";

@InputType({ description: "Seats of the new term; omit to create them from the council's seat rules." })
export class SeatInput {
  @Field(() => Sector, { description: "The sector the seat represents." })
  sector: Sector;

  @Field(() => String, { nullable: true, description: "Segment as the law words it, e.g. `associações comunitárias`; up to 1,000 characters." })
  segment?: string | null;

  @Field(() => ID, { nullable: true, description: "The organization holding the seat, if the law names one; unknown: BAD_USER_INPUT." })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "The territory the seat represents, if any; unknown: BAD_USER_INPUT." })
  territoryId?: string | null;
}

@InputType({ description: "A new term (gestão) of a council, with its seats." })
export class OpenTermInput {
  @Field(() => ID, { description: "The council whose term this is; unknown: BAD_USER_INPUT; not your council: FORBIDDEN." })
  councilId: string;

  @Field(() => String, { nullable: true, description: "Defaults to `Gestão <start year>-<end year>`." })
  label?: string;

  @Field(() => DateScalar, { description: "First day of the term (YYYY-MM-DD, civil date in Contagem)." })
  startsOn: string;

  @Field(() => DateScalar, { description: "Last day of the term, inclusive (YYYY-MM-DD); after `startsOn` and within the council's `rules.termLengthYears` unless `termLengthOverrideReason` is given (else BAD_USER_INPUT). Overlapping another term of the council: CONFLICT." })
  endsOn: string;

  @Field(() => ID, { nullable: true, description: "The act (decree, ordinance) that appointed the members." })
  appointmentActId?: string | null;

  @Field(() => [SeatInput], { nullable: true, description: "The term's seats, in order; omitted, one seat per full-member place of the council's seat rules." })
  seats?: SeatInput[];

  @LongText("TEXT")
  @Field(() => String, {
    nullable: true,
    description:
      "ADMIN only (anyone else: FORBIDDEN): why this term may run longer than the council's `rules.termLengthYears` " +
      "(3 to 2,000 characters), recorded on the term and in the audit trail. Without it, a term longer than the rule " +
      "is BAD_USER_INPUT on `endsOn`.",
  })
  termLengthOverrideReason?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A person appointed to a seat of a term, as the act of appointment names them." })
export class AppointMandateInput {
  @Field(() => ID, { description: "The seat to fill; unknown: BAD_USER_INPUT; another council's: FORBIDDEN." })
  seatId: string;

  @Field(() => ID, { nullable: true, description: "An existing public person; or give `personName`." })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "Name exactly as the act of appointment writes it." })
  personName?: string | null;

  @Field(() => MandateRole, { description: "Whether the person is the seat's full member (titular) or alternate (suplente)." })
  role: MandateRole;

  @Field(() => BoardRole, { nullable: true, description: "The person's role on the council's board, if any; null for none." })
  boardRole?: BoardRole | null;

  @Field(() => DateScalar, { description: "First day of the mandate (YYYY-MM-DD), within the seat's term (else BAD_USER_INPUT)." })
  startsOn: string;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "The end of a mandate: its last day and why." })
export class EndMandateInput {
  @Field(() => ID, { description: "The mandate to end; unknown: NOT_FOUND; another council's: FORBIDDEN." })
  mandateId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => DateScalar, { description: "Its last day, inclusive (YYYY-MM-DD), not before the mandate's `startsOn` (else BAD_USER_INPUT); a mandate already ended: CONFLICT." })
  endsOn: string;

  @Field(() => MandateEndReason, { description: "Why the mandate ends." })
  reason: MandateEndReason;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
