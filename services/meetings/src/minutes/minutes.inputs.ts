import { DateScalar, LongText, Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { MinutesStatus } from "./minutes.enums";

@InputType()
export class MinutesFilter {
  @Field(() => Int, { nullable: true, description: "The numbering year: the civil year in Contagem (America/Sao_Paulo) of the meeting recorded." })
  year?: number;

  @Field(() => MinutesStatus, { nullable: true, description: "Only ADMIN, STAFF and the council's secretaries see unpublished minutes." })
  status?: MinutesStatus;

  @Field(() => Date, { nullable: true })
  updatedSince?: Date;
}

@InputType()
export class DraftMinutesInput {
  @Field(() => ID, { description: "The meeting (HELD) the minutes record." })
  meetingId: string;

  @LongText("DOCUMENT")
  @Field({ description: "The text, in Markdown." })
  body: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class ReviseMinutesDraftInput {
  @Field(() => ID)
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @LongText("DOCUMENT")
  @Field()
  body: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true })
  changeNote?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class ApproveMinutesInput {
  @Field(() => ID)
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => ID, { description: "The later meeting (HELD) of the same council (another council's: FORBIDDEN) whose APPROVAL_OF_MINUTES item names these minutes (otherwise CONFLICT)." })
  meetingId: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class PublishMinutesInput {
  @Field(() => ID)
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => Int, { description: "Edition of the Diário Oficial de Contagem." })
  gazetteEdition: number;

  @Field(() => String, { nullable: true, description: "Pages, e.g. `14-16`." })
  gazettePages?: string | null;

  @Field(() => DateScalar)
  gazetteDate: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A correction of published minutes: a new version, published, with its reason." })
export class AmendMinutesInput {
  @Field(() => ID)
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @LongText("DOCUMENT")
  @Field()
  body: string;

  @LongText("TEXT")
  @Field({ description: "Why the published text is corrected." })
  reason: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
