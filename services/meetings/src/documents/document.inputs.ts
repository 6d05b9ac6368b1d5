import { Doc } from "@contagem/schema";
import { Field, ID, InputType } from "type-graphql";
import { DocumentKind } from "./document.enums";

@InputType({
  description:
    "Attaches an uploaded file (POST its bytes to `/documents` first; see README, Documents) to exactly one record: a meeting, " +
    "a minutes version or a resolution. None or more than one: BAD_USER_INPUT.",
})
export class AttachDocumentInput {
  @Field(() => ID, { nullable: true, description: "The meeting (its agenda, convocation notice, annexes)." })
  meetingId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The minutes version (the signed ata). Only a version not yet published takes documents: a published one is RECORD_IMMUTABLE.",
  })
  minutesVersionId?: string;

  @Field(() => ID, { nullable: true, description: "The resolution (its published text, annexes)." })
  resolutionId?: string;

  @Field({ description: "SHA-256 (64 lowercase hex digits) the upload answered. A content not uploaded: BAD_USER_INPUT." })
  sha256: string;

  @Field(() => DocumentKind, { description: "What the document is to the record." })
  kind: DocumentKind;

  @Field({ description: "Title as the council names it, 1 to 200 characters, e.g. `Ata 006/2026 assinada`." })
  title: string;

  @Field({
    description:
      "File name for downloads, 1 to 120 characters, no path; its extension is set to the content's (`.pdf` for a PDF), e.g. `ata-006-2026.pdf`.",
  })
  filename: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "An uploaded file (POST its bytes to `/documents` first) for the record a write creates, e.g. amendMinutes' new version." })
export class NewDocumentInput {
  @Field({ description: "SHA-256 (64 lowercase hex digits) the upload answered. A content not uploaded: BAD_USER_INPUT." })
  sha256: string;

  @Field(() => DocumentKind, { description: "What the document is to the record." })
  kind: DocumentKind;

  @Field({ description: "Title as the council names it, 1 to 200 characters." })
  title: string;

  @Field({ description: "File name for downloads, 1 to 120 characters, no path; its extension is set to the content's." })
  filename: string;
}

@InputType({ description: "Withdraws a document from a record that is not published yet (a draft minutes version)." })
export class WithdrawDocumentInput {
  @Field(() => ID, { description: "The document. Of a published record: RECORD_IMMUTABLE (attach a correction as a new document)." })
  documentId: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
