import { ADDED_SOURCES_DESCRIPTION, DateScalar, LongText, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";
import { MinutesStatus } from "./minutes.enums";
import { NewDocumentInput } from "../documents/document.inputs";

@InputType({ description: "Filters for minutes lists; all given filters must match." })
export class MinutesFilter {
  @Field(() => Int, { nullable: true, description: "The numbering year: the civil year in Contagem (America/Sao_Paulo) of the meeting recorded." })
  year?: number;

  @Field(() => MinutesStatus, { nullable: true, description: "Only ADMIN, STAFF and the council's secretaries see unpublished minutes." })
  status?: MinutesStatus;

  @Field(() => Date, { nullable: true, description: "Changed at or after this time (incremental sync; ISO 8601 instant)." })
  updatedSince?: Date;
}

@InputType({ description: "Starts the minutes of a HELD meeting as a DRAFT, numbered in the council's year." })
export class DraftMinutesInput {
  @Field(() => ID, { description: "The meeting (HELD) the minutes record." })
  meetingId: string;

  @LongText("DOCUMENT")
  @Field({ description: "The text, in Markdown." })
  body: string;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A new draft text of minutes not yet approved." })
export class ReviseMinutesDraftInput {
  @Field(() => ID, { description: "The minutes; unknown or not visible to you: NOT_FOUND; another council's: FORBIDDEN; already APPROVED or PUBLISHED: CONFLICT or RECORD_IMMUTABLE." })
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @LongText("DOCUMENT")
  @Field({ description: "The new text, in Markdown, up to 500,000 characters." })
  body: string;

  @LongText("TEXT")
  @Field(() => String, { nullable: true, description: "What changed, up to 20,000 characters; null for none." })
  changeNote?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Records the approval of DRAFT minutes at a later meeting of the council." })
export class ApproveMinutesInput {
  @Field(() => ID, { description: "The minutes; unknown or not visible to you: NOT_FOUND; not DRAFT: CONFLICT." })
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => ID, { description: "The later meeting (HELD) of the same council (another council's: FORBIDDEN) whose APPROVAL_OF_MINUTES item names these minutes (otherwise CONFLICT)." })
  meetingId: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Records the publication of APPROVED minutes in the official gazette; the text becomes immutable." })
export class PublishMinutesInput {
  @Field(() => ID, { description: "The minutes; unknown or not visible to you: NOT_FOUND; not APPROVED: CONFLICT (already PUBLISHED: RECORD_IMMUTABLE)." })
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @Field(() => Int, { description: "Edition of the Diário Oficial de Contagem." })
  gazetteEdition: number;

  @Field(() => String, { nullable: true, description: "Pages, e.g. `14-16`." })
  gazettePages?: string | null;

  @Field(() => DateScalar, { description: "Date of that edition (YYYY-MM-DD)." })
  gazetteDate: string;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "A correction of published minutes: a new version, published, with its reason." })
export class AmendMinutesInput {
  @Field(() => ID, { description: "The PUBLISHED minutes to correct; unknown: NOT_FOUND; not published: CONFLICT." })
  minutesId: string;

  @Field(() => Int, { description: Doc.EXPECTED_VERSION })
  expectedVersion: number;

  @LongText("DOCUMENT")
  @Field({ description: "The corrected text, in Markdown, up to 500,000 characters; a new version, the published ones stay readable." })
  body: string;

  @LongText("TEXT")
  @Field({ description: "Why the published text is corrected." })
  reason: string;

  @Field(() => [NewDocumentInput], {
    nullable: true,
    description: "Documents of the new version, at most 5, e.g. the corrected signed ata: a published version's documents never change, so a correction brings its own.",
  })
  documents?: NewDocumentInput[] | null;

  @SourcesInputField(ADDED_SOURCES_DESCRIPTION)
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
