import { ConnectionType, DateScalar, Doc } from "@contagem/schema";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Channel } from "../processes/process.enums";

export const ANONYMOUS = "anonymous participant";

@ObjectType("PublicParticipant", {
  description: 'How a participant appears publicly: their chosen handle if they made their profile public (adults only), otherwise "anonymous participant". Nothing else.',
})
export class PublicParticipant {
  @Field()
  displayName: string;

  @Field({ description: "True when the participant is shown as anonymous." })
  anonymous: boolean;
}

@ObjectType("PersonalData", { description: "A participant's personal data: shown only to the person and, audited, to STAFF." })
export class PersonalData {
  @Field(() => ID)
  id: number;

  @Field(() => String, { nullable: true })
  fullName: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: "The CPF, masked: only a keyed hash and the last three digits are stored." })
  documentMasked: string | null;

  @Field(() => DateScalar, { nullable: true })
  birthDate: string | null;

  @Field(() => String, { nullable: true })
  neighbourhood: string | null;

  @Field(() => ID, { nullable: true, description: "The region the person takes part from." })
  territoryId: number | null;

  @Field(() => String, { nullable: true })
  handle: string | null;

  @Field()
  profilePublic: boolean;

  @Field(() => Channel)
  channel: Channel;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  erasedAt: Date | null;

  @Field(() => Int, { description: Doc.VERSION })
  version: number;
}

@ObjectType("PersonalDataConnection")
export class PersonalDataConnection extends ConnectionType(PersonalData, "PersonalData") {}

@ObjectType("MySupport")
export class MySupport {
  @Field(() => ID)
  proposalId: number;

  @Field()
  proposalTitle: string;

  @Field()
  at: Date;
}

@ObjectType("MyBallot")
export class MyBallot {
  @Field(() => ID)
  processId: number;

  @Field()
  processTitle: string;

  @Field(() => [String], { description: "Titles of the options you picked." })
  choices: string[];

  @Field({ description: "Your own ballot: the exact time (public figures only ever show the hour)." })
  castAt: Date;
}

@ObjectType("MyContribution")
export class MyContribution {
  @Field(() => ID)
  id: number;

  @Field()
  body: string;

  @Field()
  status: string;

  @Field(() => String, { nullable: true })
  hiddenReason: string | null;

  @Field(() => ID, { nullable: true })
  meetingId: number | null;

  @Field(() => ID, { nullable: true })
  proposalId: number | null;

  @Field()
  createdAt: Date;
}

@ObjectType("MyProposal")
export class MyProposal {
  @Field(() => ID)
  id: number;

  @Field()
  title: string;

  @Field()
  status: string;

  @Field()
  createdAt: Date;
}

@ObjectType("MyPresence")
export class MyPresence {
  @Field(() => ID)
  meetingId: number;

  @Field()
  at: Date;
}

@ObjectType("MyParticipation", { description: "Everything the system holds about you (LGPD art. 18): your data and your activity." })
export class MyParticipation {
  @Field(() => PersonalData)
  personalData: PersonalData;

  @Field(() => [MyProposal])
  proposals: MyProposal[];

  @Field(() => [MySupport])
  supports: MySupport[];

  @Field(() => [MyBallot])
  ballots: MyBallot[];

  @Field(() => [MyContribution])
  contributions: MyContribution[];

  @Field(() => [MyPresence])
  presences: MyPresence[];
}
