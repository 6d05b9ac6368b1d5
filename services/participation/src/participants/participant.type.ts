import { ConnectionType, DateScalar, Doc } from "@contagem/schema";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Channel } from "../processes/process.enums";

export const ANONYMOUS = "anonymous participant";

@ObjectType("PublicParticipant", {
  description: 'How a participant appears publicly: their chosen handle if they made their profile public (adults only), otherwise "anonymous participant". Nothing else.',
})
export class PublicParticipant {
  @Field({ description: "The chosen handle when the profile is public (adults only), otherwise \"anonymous participant\"." })
  displayName: string;

  @Field({ description: "True when the participant is shown as anonymous." })
  anonymous: boolean;
}

@ObjectType("PersonalData", { description: "A participant's personal data: shown only to the person and, audited, to STAFF." })
export class PersonalData {
  @Field(() => ID, { description: "The participant's id." })
  id: number;

  @Field(() => String, { nullable: true, description: "Full name; null once erased." })
  fullName: string | null;

  @Field(() => String, { nullable: true, description: "E-mail address, in lower case; null once erased." })
  email: string | null;

  @Field(() => String, { nullable: true, description: "Phone number, 10 to 13 digits with area code; null when not given or erased." })
  phone: string | null;

  @Field(() => String, { nullable: true, description: "The CPF, masked: only a keyed hash and the last three digits are stored." })
  documentMasked: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of birth (YYYY-MM-DD); null once erased." })
  birthDate: string | null;

  @Field(() => String, { nullable: true, description: "Neighborhood (bairro) as the person wrote it; null when not given or erased." })
  neighborhood: string | null;

  @Field(() => String, { nullable: true, description: "Neighborhood (bairro), as `neighborhood`.", deprecationReason: "Use `neighborhood`. Removal after 2027-03-01." })
  neighbourhood: string | null;

  @Field(() => ID, { nullable: true, description: "The region the person takes part from." })
  territoryId: number | null;

  @Field(() => String, { nullable: true, description: "The public pseudonym; null when none." })
  handle: string | null;

  @Field({ description: "Whether the handle is shown publicly (never for minors)." })
  profilePublic: boolean;

  @Field(() => Channel, { description: "How the person registered." })
  channel: Channel;

  @Field({ description: "When the person registered (ISO 8601 instant)." })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the person erased their data; null while it is held." })
  erasedAt: Date | null;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;
}

@ObjectType("PersonalDataConnection")
export class PersonalDataConnection extends ConnectionType(PersonalData, "PersonalData") {}

@ObjectType("MySupport", { description: "A proposal you support." })
export class MySupport {
  @Field(() => ID, { description: "The proposal's id." })
  proposalId: number;

  @Field({ description: "The proposal's title." })
  proposalTitle: string;

  @Field({ description: "When you supported it (exact instant; yours only)." })
  at: Date;
}

@ObjectType("MyBallot", { description: "A ballot you cast." })
export class MyBallot {
  @Field(() => ID, { description: "The vote's process id." })
  processId: number;

  @Field({ description: "The vote's process title." })
  processTitle: string;

  @Field(() => [String], { description: "Titles of the options you picked." })
  choices: string[];

  @Field({ description: "Your own ballot: the exact time (public figures only ever show the hour)." })
  castAt: Date;
}

@ObjectType("MyContribution", { description: "A comment you made." })
export class MyContribution {
  @Field(() => ID, { description: "The contribution's id." })
  id: number;

  @Field({ description: "The comment as you wrote it." })
  body: string;

  @Field({ description: "Its moderation status: PENDING, PUBLISHED or HIDDEN." })
  status: string;

  @Field(() => String, { nullable: true, description: "Why moderation hid it; null unless HIDDEN." })
  hiddenReason: string | null;

  @Field(() => ID, { nullable: true, description: "The meeting commented on; null for a comment on a proposal." })
  meetingId: number | null;

  @Field(() => ID, { nullable: true, description: "The proposal commented on; null for a comment at a meeting." })
  proposalId: number | null;

  @Field({ description: "When you made it (ISO 8601 instant)." })
  createdAt: Date;
}

@ObjectType("MyProposal", { description: "A proposal you submitted." })
export class MyProposal {
  @Field(() => ID, { description: "The proposal's id." })
  id: number;

  @Field({ description: "The proposal's title, as you wrote it." })
  title: string;

  @Field({ description: "Its status, as `Proposal.status`." })
  status: string;

  @Field({ description: "When you submitted it (ISO 8601 instant)." })
  createdAt: Date;
}

@ObjectType("MyPresence", { description: "A meeting whose attendance you registered." })
export class MyPresence {
  @Field(() => ID, { description: "The meeting's id (meetings subgraph)." })
  meetingId: number;

  @Field({ description: "When you registered it (exact instant; yours only)." })
  at: Date;
}

@ObjectType("MyParticipation", { description: "Everything the system holds about you (LGPD art. 18): your data and your activity." })
export class MyParticipation {
  @Field(() => PersonalData, { description: "Your personal data." })
  personalData: PersonalData;

  @Field(() => [MyProposal], { description: "Proposals you submitted." })
  proposals: MyProposal[];

  @Field(() => [MySupport], { description: "Proposals you support." })
  supports: MySupport[];

  @Field(() => [MyBallot], { description: "Ballots you cast, with your choices." })
  ballots: MyBallot[];

  @Field(() => [MyContribution], { description: "Comments you made, whatever their moderation status." })
  contributions: MyContribution[];

  @Field(() => [MyPresence], { description: "Meetings whose attendance you registered." })
  presences: MyPresence[];
}
