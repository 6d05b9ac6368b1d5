import { ConnectionType, Doc } from "@contagem/schema";
import { Field, ID, InputType, ObjectType } from "type-graphql";

@ObjectType("AuditEntry", {
  description: "One write, as the append-only audit log recorded it in the same transaction as the write itself.",
})
export class AuditEntry {
  @Field(() => ID, { description: "Position of the entry in the append-only log (a growing integer, as a string); newer entries have larger ids." })
  id: string;

  @Field({ description: "When the write committed (ISO 8601 instant with its offset)." })
  occurredAt: Date;

  @Field({ description: "The subgraph that made the write." })
  subgraph: string;

  @Field({ description: "The `sub` claim of the token that made the write." })
  actor: string;

  @Field(() => [String], { description: "The roles of that token." })
  actorRoles: string[];

  @Field(() => ID, { nullable: true, description: "The council the write concerns." })
  councilId: string | null;

  @Field({ description: "What was done, e.g. `council.update`, `minutes.publish`." })
  action: string;

  @Field({ description: "The GraphQL type of the record written, e.g. `Council`, `Minutes`." })
  entityType: string;

  @Field(() => ID, { description: "The id of the record written (with `entityType`)." })
  entityId: string;

  @Field(() => String, { nullable: true, description: "SHA-256 of the record before the write (null on creation)." })
  beforeHash: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the record after the write." })
  afterHash: string | null;

  @Field({ description: "The `extensions.requestId` / `X-Request-Id` of the request that made the write." })
  requestId: string;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey: string | null;
}

@ObjectType("AuditEntryConnection")
export class AuditEntryConnection extends ConnectionType(AuditEntry, "AuditEntry") {}

@InputType({ description: "Which audit entries to list; all given filters must match." })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: "Entries about records of this type (with `entityId`)." })
  entityType?: string;

  @Field(() => ID, { nullable: true, description: "Entries about the record with this id (with `entityType`); not a record id: BAD_USER_INPUT." })
  entityId?: string;

  @Field(() => ID, { nullable: true, description: "Entries whose write concerned this council; not a record id: BAD_USER_INPUT." })
  councilId?: string;

  @Field(() => String, { nullable: true, description: "Entries made by this actor (`sub`)." })
  actor?: string;
}
