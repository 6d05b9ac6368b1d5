import { DateScalar, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { Channel } from "../processes/process.enums";

@InputType({ description: "Registers the authenticated citizen (their token's `sub`) as a participant." })
export class RegisterParticipantInput {
  @Field()
  fullName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "CPF, checked; stored only as a keyed hash and its last three digits." })
  cpf?: string | null;

  @Field(() => DateScalar, { description: "Participation is open from 16 years of age, counted on today's date in Contagem (America/Sao_Paulo)." })
  birthDate: string;

  @Field(() => String, { nullable: true })
  neighbourhood?: string | null;

  @Field(() => ID, { nullable: true, description: "The region (administrative territory) the person takes part from; unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => String, { nullable: true, description: "A public pseudonym (3–30 lower-case letters, digits, _)." })
  handle?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Show the handle publicly (never for minors)." })
  profilePublic: boolean;

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM })
  channel: Channel;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Corrects the citizen's own data; omitted fields stay as they are, null clears." })
export class CorrectMyDataInput {
  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  fullName?: string;

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  cpf?: string | null;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: string;

  @Field(() => String, { nullable: true })
  neighbourhood?: string | null;

  @Field(() => ID, { nullable: true, description: "The region the person takes part from; unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => String, { nullable: true })
  handle?: string | null;

  @Field(() => Boolean, { nullable: true })
  profilePublic?: boolean;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Erases the citizen's personal data for good; civic records stay, anonymous." })
export class EraseMeInput {
  @Field({ description: 'Must be the text "ERASE": the erasure cannot be undone.' })
  confirm: string;
}
