import { Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "A candidacy, as the official notice writes it." })
export class RecordCandidacyInput {
  @Field(() => ID, { description: "The COUNCIL_ELECTION process. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  processId: string;

  @Field({ description: "Name as the official notice writes it, 3 to 200 characters." })
  displayName: string;

  @Field(() => String, { nullable: true, description: "Segment the candidate runs in, as the notice words it." })
  segment?: string | null;

  @Field(() => ID, { nullable: true, description: "The electoral micro-region (a councils subgraph territory); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "The official result of one candidacy." })
export class CandidacyResultInput {
  @Field(() => ID, { description: "A candidacy of this process; another process's or unknown: BAD_USER_INPUT." })
  candidacyId: string;

  @Field(() => Int, { description: "Votes received, 0 or more." })
  votes: number;

  @Field({ description: "Whether the candidate was elected." })
  elected: boolean;
}

@InputType({ description: "The official results of a council election, one entry per candidacy." })
export class RecordElectionResultsInput {
  @Field(() => ID, { description: "The COUNCIL_ELECTION process; unknown: NOT_FOUND; another kind: BAD_USER_INPUT. Of Contagem's public record (its `sources`): RECORD_IMMUTABLE." })
  processId: string;

  @Field(() => Int, { description: "The `version` of the process you read." })
  expectedVersion: number;

  @Field(() => [CandidacyResultInput], { description: "One result per candidacy." })
  results: CandidacyResultInput[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
