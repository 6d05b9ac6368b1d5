import { DateScalar, Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "Where the Diário Oficial de Contagem (DOC) published an act (ADMIN); replaces what was recorded before." })
export class RecordLegalActPublicationInput {
  @Field(() => ID, { description: "The act (e.g. a council's `legalBasis`, a term's `appointmentAct`); unknown: NOT_FOUND." })
  legalActId: string;

  @Field(() => Int, { description: "The act's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

  @Field(() => Int, { description: "Edition of the DOC, a positive number (e.g. 5900)." })
  gazetteEdition: number;

  @Field(() => String, { nullable: true, description: "Pages in that edition: one page or a range, e.g. `14` or `14-16` (first ≤ last)." })
  gazettePages?: string | null;

  @Field(() => DateScalar, { description: "Date of that edition (YYYY-MM-DD); not before the act's own date." })
  gazetteDate: string;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
