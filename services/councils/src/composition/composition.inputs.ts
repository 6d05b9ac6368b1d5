import { DateScalar, LongText, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { BoardRole, MandateEndReason, MandateRole, Sector } from "./composition.enums";

@InputType({ description: "Seats of the new term; omit to create them from the council's seat rules." })
export class SeatInput {
  @Field(() => Sector)
  sector: Sector;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;
}

@InputType()
export class OpenTermInput {
  @Field(() => ID)
  councilId: string;

  @Field(() => String, { nullable: true, description: "Defaults to `Gestão <start year>-<end year>`." })
  label?: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field(() => ID, { nullable: true, description: "The act (decree, ordinance) that appointed the members." })
  appointmentActId?: string | null;

  @Field(() => [SeatInput], { nullable: true })
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

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class AppointMandateInput {
  @Field(() => ID)
  seatId: string;

  @Field(() => ID, { nullable: true, description: "An existing public person; or give `personName`." })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "Name exactly as the act of appointment writes it." })
  personName?: string | null;

  @Field(() => MandateRole)
  role: MandateRole;

  @Field(() => BoardRole, { nullable: true })
  boardRole?: BoardRole | null;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class EndMandateInput {
  @Field(() => ID)
  mandateId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => DateScalar)
  endsOn: string;

  @Field(() => MandateEndReason)
  reason: MandateEndReason;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
