import { DateScalar, LongText, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { ResolutionStatus } from "./resolution.enums";

@InputType({ description: "Filters for resolution lists; all given filters must match." })
export class ResolutionFilter {
  @Field(() => Int, { nullable: true, description: "The numbering year (the year of the resolution's date)." })
  year?: number;

  @Field(() => ResolutionStatus, { nullable: true, description: "Only resolutions in this status." })
  status?: ResolutionStatus;

  @Field(() => Date, { nullable: true, description: "Changed at or after this time (incremental sync; ISO 8601 instant)." })
  updatedSince?: Date;
}

@InputType({ description: "The text of a new resolution and the meeting (and deliberation) that adopted it." })
export class ResolutionTextInput {
  @Field(() => ID, { description: "The meeting (HELD) that adopted it." })
  meetingId: string;

  @Field(() => ID, { nullable: true, description: "The deliberation (APPROVED) of that meeting that adopted it; another council's: FORBIDDEN." })
  deliberationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Defaults to the meeting's civil date in Contagem (America/Sao_Paulo); its year is the numbering year." })
  date?: string | null;

  @LongText("TEXT")
  @Field({ description: "The ementa: a one-paragraph summary in Portuguese, 3 to 2,000 characters (else BAD_USER_INPUT)." })
  summary: string;

  @LongText("DOCUMENT")
  @Field({ description: "Full text, in Markdown." })
  body: string;

  @Field(() => Int, { nullable: true, description: "Edition of the Diário Oficial de Contagem that published it, if already published." })
  gazetteEdition?: number | null;

  @Field(() => String, { nullable: true, description: "Pages in that edition, e.g. `14-16`." })
  gazettePages?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of that edition (YYYY-MM-DD)." })
  gazetteDate?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;
}

@InputType({ description: "A new resolution adopted at a HELD meeting, numbered in the council's year." })
export class AdoptResolutionInput extends ResolutionTextInput {
  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A new resolution that amends (or revokes) an earlier one of the same council." })
export class ChangeResolutionInput extends ResolutionTextInput {
  @Field(() => ID, { description: "The resolution amended or revoked, of the same council as the meeting (another council's: FORBIDDEN)." })
  resolutionId: string;

  @Field(() => Int, { description: "The `version` of that resolution you read." })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
