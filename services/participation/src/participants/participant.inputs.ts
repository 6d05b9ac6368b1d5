import { DateScalar, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { Channel } from "../processes/process.enums";

@InputType({ description: "Registers the authenticated citizen (their token's `sub`) as a participant." })
export class RegisterParticipantInput {
  @Field({ description: "Full name, 3 to 200 characters. Never public." })
  fullName: string;

  @Field({ description: "E-mail address (stored in lower case; not an address: BAD_USER_INPUT). Never public." })
  email: string;

  @Field(() => String, { nullable: true, description: "Phone number, 10 to 13 digits with area code. Never public." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "CPF, checked; stored only as a keyed hash and its last three digits." })
  cpf?: string | null;

  @Field(() => DateScalar, { description: "Participation is open from 16 years of age, counted on today's date in Contagem (America/Sao_Paulo)." })
  birthDate: string;

  @Field(() => String, { nullable: true, description: "Neighborhood (bairro), as you write it, up to 1,000 characters. Never public." })
  neighborhood?: string | null;

  @Field(() => String, { nullable: true, description: "Neighborhood (bairro), as `neighborhood` (give one of them: both is BAD_USER_INPUT).", deprecationReason: "Use `neighborhood`. Removal after 2027-03-01." })
  neighbourhood?: string | null;

  @Field(() => ID, { nullable: true, description: "The region (administrative territory) the person takes part from; unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => String, { nullable: true, description: "A public pseudonym (3–30 lower-case letters, digits, _)." })
  handle?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Show the handle publicly (never for minors)." })
  profilePublic: boolean;

  @Field(() => Channel, { defaultValue: Channel.DIGITAL_PLATFORM, description: "How you register; default DIGITAL_PLATFORM." })
  channel: Channel;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Corrects the citizen's own data; omitted fields stay as they are, null clears." })
export class CorrectMyDataInput {
  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: "New full name, 3 to 200 characters." })
  fullName?: string;

  @Field(() => String, { nullable: true, description: "New e-mail address." })
  email?: string;

  @Field(() => String, { nullable: true, description: "New phone number, 10 to 13 digits; null clears it." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "New CPF (checked; stored as a keyed hash and its last three digits); null clears it." })
  cpf?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Corrected date of birth (YYYY-MM-DD); under 16: BAD_USER_INPUT." })
  birthDate?: string;

  @Field(() => String, { nullable: true, description: "New neighborhood (bairro); null clears it." })
  neighborhood?: string | null;

  @Field(() => String, { nullable: true, description: "New neighborhood (bairro), as `neighborhood` (give one of them: both is BAD_USER_INPUT).", deprecationReason: "Use `neighborhood`. Removal after 2027-03-01." })
  neighbourhood?: string | null;

  @Field(() => ID, { nullable: true, description: "The region the person takes part from; unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => String, { nullable: true, description: "New public pseudonym (3 to 30 lower-case letters, digits, _); taken: CONFLICT; null clears it." })
  handle?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Show the handle publicly (never for minors)." })
  profilePublic?: boolean;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Erases the citizen's personal data for good; civic records stay, anonymous." })
export class EraseMeInput {
  @Field({ description: 'Must be the text "ERASE": the erasure cannot be undone.' })
  confirm: string;
}
