import { Doc } from "@contagem/schema";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "A candidacy, as the official notice writes it." })
export class RecordCandidacyInput {
  @Field(() => ID, { description: "The COUNCIL_ELECTION process." })
  processId: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => ID, { nullable: true, description: "The electoral micro-region (a councils subgraph territory); unknown: BAD_USER_INPUT." })
  territoryId?: string | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType()
export class CandidacyResultInput {
  @Field(() => ID)
  candidacyId: string;

  @Field(() => Int)
  votes: number;

  @Field()
  elected: boolean;
}

@InputType()
export class RecordElectionResultsInput {
  @Field(() => ID)
  processId: string;

  @Field(() => Int, { description: "The `version` of the process you read." })
  expectedVersion: number;

  @Field(() => [CandidacyResultInput])
  results: CandidacyResultInput[];

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
